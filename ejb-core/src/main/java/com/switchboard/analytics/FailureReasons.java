package com.switchboard.analytics;

import java.util.Locale;

/**
 * Turns a provider's failure reason into a short stable key ({@code reason#<key>} counters), so that
 * reasons differing only in ids, addresses or numbers add up: the text before the first colon,
 * lower-cased, digits dropped, other runs of non-alphanumerics as one dash, at most 40 characters.
 */
public final class FailureReasons {
    public static final String PREFIX = "reason#";
    private static final int MAX = 40;

    private FailureReasons() {}

    public static String normalise(String reason) {
        if (reason == null || reason.isBlank()) {
            return "unknown";
        }
        String head = reason.contains(":") ? reason.substring(0, reason.indexOf(':')) : reason;
        String key = head.toLowerCase(Locale.ROOT)
                .replaceAll("[0-9]+", "")
                .replaceAll("[^a-z]+", "-")
                .replaceAll("^-+|-+$", "");
        if (key.length() > MAX) {
            key = key.substring(0, MAX).replaceAll("-+$", "");
        }
        return key.isEmpty() ? "unknown" : key;
    }

    public static boolean optedOut(String reason) {
        return reason != null && reason.toLowerCase(Locale.ROOT).contains("opted-out");
    }
}
