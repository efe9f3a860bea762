package com.switchboard.tracking;

import com.switchboard.store.OpaqueCursor;
import java.util.Optional;

/**
 * Where the next page of a tracking query starts: the creation day being read and the last GSI3
 * sort key ({@code <createdAt>#<id>}) given on it, every shard of that day being read below it, or
 * none to start that day from its newest item. Opaque to clients (URL-safe Base64).
 */
public record TrackingCursor(String day, String sortKey) {
    private static final String SEP = "\n";

    public String encode() {
        return OpaqueCursor.encode(day + SEP + (sortKey == null ? "" : sortKey));
    }

    public static Optional<TrackingCursor> decode(String token) {
        return OpaqueCursor.decode(token).flatMap(raw -> {
            String[] p = raw.split(SEP, -1);
            if (p.length != 2
                    || !p[0].matches("\\d{4}-\\d{2}-\\d{2}")
                    || !(p[1].isEmpty() || keyOfThatDay(p[0], p[1]))) {
                return Optional.empty();
            }
            return Optional.of(new TrackingCursor(p[0], p[1].isEmpty() ? null : p[1]));
        });
    }

    /** A sort key of a communication created on the cursor's day; anything else is a forged cursor, the client's fault (400). */
    private static boolean keyOfThatDay(String day, String sortKey) {
        return sortKey.startsWith(day + "T") && sortKey.indexOf('#') > 0 && sortKey.indexOf('#') < sortKey.length() - 1;
    }
}
