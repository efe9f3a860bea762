package com.switchboard.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

/**
 * The text of an API key and the hash it is stored under. A key is {@code sbk_} and 256 random
 * bits (URL-safe Base64), so one unsalted SHA-256 is enough: nothing about such a key can be
 * guessed, and a fast hash lets every request look it up with one GetItem by hash.
 */
public final class ApiKeySecret {
    static final String MARK = "sbk_";
    private static final int RANDOM_BYTES = 32;
    private static final int PREFIX_LENGTH = MARK.length() + 8;
    private static final SecureRandom RANDOM = new SecureRandom();

    private ApiKeySecret() {}

    static String generate() {
        byte[] bytes = new byte[RANDOM_BYTES];
        RANDOM.nextBytes(bytes);
        return MARK + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The lowercase hex SHA-256 of the key's UTF-8 bytes. */
    public static String hash(String key) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    /** The first characters, shown in lists so an administrator can tell which key a client holds. */
    static String prefix(String key) {
        return key.substring(0, Math.min(PREFIX_LENGTH, key.length()));
    }

    /** Whether the text can be a key at all, so that garbage costs no DynamoDB read. */
    static boolean wellFormed(String key) {
        return key != null
                && key.startsWith(MARK)
                && key.length() == MARK.length() + 43
                && key.substring(MARK.length())
                        .chars()
                        .allMatch(c -> Character.isLetterOrDigit(c) || c == '-' || c == '_');
    }
}
