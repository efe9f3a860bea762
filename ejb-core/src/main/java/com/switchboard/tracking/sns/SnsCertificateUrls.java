package com.switchboard.tracking.sns;

import java.net.URI;

/**
 * The rule every SigningCertURL and SubscribeURL must pass before anything is fetched: HTTPS,
 * no user info or port, and exactly the region's SNS host {@code sns.<region>.amazonaws.com} — the
 * same rule as the AWS SDK's SNS message manager (its CertificateUrlValidator and SnsHostProvider).
 */
public final class SnsCertificateUrls {
    private final String host;

    public SnsCertificateUrls(String region) {
        this.host = "sns." + region + ".amazonaws.com";
    }

    public String host() {
        return host;
    }

    public URI require(String url) {
        URI uri;
        try {
            uri = url == null ? null : URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new SnsVerificationException("malformed SNS URL", url);
        }
        if (uri == null
                || !"https".equals(uri.getScheme())
                || uri.getUserInfo() != null
                || uri.getPort() != -1
                || !host.equals(uri.getHost())) {
            throw new SnsVerificationException("not an HTTPS URL on " + host, url);
        }
        return uri;
    }
}
