package com.switchboard.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Checks Meta's {@code X-Hub-Signature-256: sha256=<hex>} header: the HMAC-SHA256 of the raw request
 * body keyed with the app secret ({@code whatsapp.app.secret}). Compared in constant time so the
 * answer's timing tells nothing about how much of a forged signature was right. The JDK's
 * {@code Mac} is all it takes; no library needed.
 */
@ApplicationScoped
public class WebhookSignature {
    private static final String PREFIX = "sha256=";
    private static final String ALGORITHM = "HmacSHA256";

    @Inject
    @ConfigProperty(name = "whatsapp.app.secret", defaultValue = "")
    String appSecret;

    /** Whether {@code header} signs {@code rawBody} with this server's app secret; false without a secret. */
    public boolean verify(byte[] rawBody, String header) {
        return verify(appSecret, rawBody, header);
    }

    static boolean verify(String secret, byte[] rawBody, String header) {
        if (secret == null || secret.isEmpty() || rawBody == null || header == null || !header.startsWith(PREFIX)) {
            return false;
        }
        byte[] claimed;
        try {
            claimed = HexFormat.of().parseHex(header.substring(PREFIX.length()).trim());
        } catch (IllegalArgumentException notHex) {
            return false;
        }
        return MessageDigest.isEqual(hmac(secret, rawBody), claimed);
    }

    /** The header value Meta would send for {@code rawBody}. */
    static String sign(String secret, byte[] rawBody) {
        return PREFIX + HexFormat.of().formatHex(hmac(secret, rawBody));
    }

    private static byte[] hmac(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM));
            return mac.doFinal(body);
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
