package com.switchboard.tracking.sns;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The local profile's and the tests' certificate source, active only when
 * {@code sns.test.trust.store} names a PEM file (the aws profile never sets it): the URL must
 * still pass the production URL rule, but instead of fetching it the key is taken from that one
 * pinned certificate, which the sandbox generates at start and signs its receipts with. The file's
 * modification time is checked on each call and the certificate parsed again when it changed, so a
 * sandbox that starts after the server is still picked up (parsing it for every receipt was a
 * visible share of a receipt's CPU in the benchmark).
 */
public final class PinnedTestCertificate implements SigningCertificateSource {
    private final SnsCertificateUrls urls;
    private final Path pemFile;
    private volatile Parsed parsed;

    private record Parsed(FileTime modified, X509Certificate certificate) {}

    public PinnedTestCertificate(SnsCertificateUrls urls, Path pemFile) {
        this.urls = urls;
        this.pemFile = pemFile;
    }

    @Override
    public PublicKey publicKey(URI certificateUrl) {
        urls.require(certificateUrl.toString());
        X509Certificate cert = certificate();
        try {
            cert.checkValidity();
        } catch (CertificateException e) {
            throw new SnsVerificationException(
                    "test signing certificate is outside its validity", pemFile.toString(), e);
        }
        return cert.getPublicKey();
    }

    private X509Certificate certificate() {
        try {
            FileTime modified = Files.getLastModifiedTime(pemFile);
            Parsed known = parsed;
            if (known != null && known.modified().equals(modified)) {
                return known.certificate();
            }
            X509Certificate cert = AwsSigningCertificates.parse(Files.readAllBytes(pemFile), pemFile.toString());
            parsed = new Parsed(modified, cert);
            return cert;
        } catch (IOException e) {
            throw new SnsVerificationException("test trust store unreadable", pemFile.toString(), e);
        }
    }
}
