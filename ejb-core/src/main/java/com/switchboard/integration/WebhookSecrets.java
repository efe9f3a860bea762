package com.switchboard.integration;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * Makes subscription secrets in the Standard Webhooks format: {@code whsec_} followed by 32 random
 * bytes in base64. The bytes after the prefix are the HMAC key.
 */
final class WebhookSecrets {
    static final String PREFIX = "whsec_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private WebhookSecrets() {}

    static String generate() {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        return PREFIX + Base64.getEncoder().encodeToString(key);
    }

    static byte[] key(String secret) {
        return Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret);
    }
}
