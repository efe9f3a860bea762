package com.switchboard.tracking;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/**
 * Where the next page of a tracking query starts: the day partition being read
 * ({@code COMMS#<yyyy-mm-dd>}) and DynamoDB's last evaluated GSI1 key in it, or none to start that
 * day from its newest item. Opaque to clients (URL-safe Base64).
 */
public record TrackingCursor(String day, String gsi1sk, String pk, String sk) {
    private static final String SEP = "\n";

    public String encode() {
        String raw = day + SEP + nz(gsi1sk) + SEP + nz(pk) + SEP + nz(sk);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
    }

    public boolean hasKey() {
        return gsi1sk != null;
    }

    public static Optional<TrackingCursor> decode(String token) {
        try {
            String[] p = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8).split(SEP, -1);
            if (p.length != 4 || !p[0].matches("\\d{4}-\\d{2}-\\d{2}") || !keyOfThatDay(p)) {
                return Optional.empty();
            }
            return Optional.of(new TrackingCursor(p[0], nn(p[1]), nn(p[2]), nn(p[3])));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    /**
     * No key, or the key of a DETAILS item created on the cursor's day: anything else would be
     * handed to DynamoDB as a start key it refuses (a forged cursor is the client's fault, a 400).
     */
    private static boolean keyOfThatDay(String[] p) {
        if (p[1].isEmpty() && p[2].isEmpty() && p[3].isEmpty()) {
            return true;
        }
        return p[1].startsWith(p[0] + "T") && p[2].startsWith("COMMUNICATION#") && p[1].endsWith("#" + p[2].substring(14))
                && "DETAILS".equals(p[3]);
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static String nn(String s) {
        return s.isEmpty() ? null : s;
    }
}
