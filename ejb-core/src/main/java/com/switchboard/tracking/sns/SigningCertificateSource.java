package com.switchboard.tracking.sns;

import java.net.URI;
import java.security.PublicKey;

/** Where the public key that signed an SNS message comes from, given its SigningCertURL. */
public interface SigningCertificateSource {

    /**
     * The signing key for {@code certificateUrl}.
     *
     * @throws SnsVerificationException when the URL or the certificate is not acceptable
     */
    PublicKey publicKey(URI certificateUrl);
}
