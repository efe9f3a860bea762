package com.switchboard.tracking.sns;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;

/**
 * The local profile's and the tests' certificate source, active only when
 * {@code sns.test.trust.store} names a PEM file (the aws profile never sets it): the URL must
 * still pass the production URL rule, but instead of fetching it the key is taken from that one
 * pinned certificate, which the sandbox generates at start and signs its receipts with. The file
 * is read on each call, so a sandbox that starts after the server is still picked up.
 */
public final class PinnedTestCertificate implements SigningCertificateSource {
    private final SnsCertificateUrls urls;
    private final Path pemFile;

    public PinnedTestCertificate(SnsCertificateUrls urls, Path pemFile) {
        this.urls = urls;
        this.pemFile = pemFile;
    }

    @Override
    public PublicKey publicKey(URI certificateUrl) {
        urls.require(certificateUrl.toString());
        byte[] pem;
        try {
            pem = Files.readAllBytes(pemFile);
        } catch (IOException e) {
            throw new SnsVerificationException("test trust store unreadable", pemFile.toString(), e);
        }
        X509Certificate cert = AwsSigningCertificates.parse(pem, pemFile.toString());
        try {
            cert.checkValidity();
        } catch (CertificateException e) {
            throw new SnsVerificationException("test signing certificate is outside its validity", pemFile.toString(), e);
        }
        return cert.getPublicKey();
    }
}
