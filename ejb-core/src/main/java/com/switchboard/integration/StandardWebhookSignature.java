package com.switchboard.integration;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code webhook-signature} value of the Standard Webhooks specification: {@code v1,} and the
 * base64 HMAC-SHA256, keyed with the secret's bytes, of {@code <webhook-id>.<webhook-timestamp>.<body>}.
 * Written here because the specification's Java library is not in our registry and the algorithm
 * is three lines of the JDK.
 */
public final class StandardWebhookSignature {
    private StandardWebhookSignature() {}

    public static String sign(String secret, String webhookId, long timestampSeconds, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(WebhookSecrets.key(secret), "HmacSHA256"));
            byte[] digest =
                    mac.doFinal((webhookId + "." + timestampSeconds + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
