package com.switchboard.analytics;

import java.time.Duration;
import java.util.Map;

/**
 * The time-to-deliver histogram: fixed upper bounds stored as counter attributes
 * ({@code ttd_le_1s} … {@code ttd_le_3600s}, {@code ttd_gt_3600s}), so percentiles over any range
 * come from adding counters, never from reading recipients.
 */
public final class TimeToDeliver {
    /** Upper bounds in seconds; a delivery slower than the last is counted in {@link #OVERFLOW}. */
    static final long[] BOUNDS = {1, 5, 15, 60, 300, 900, 3600};

    static final String OVERFLOW = "ttd_gt_3600s";

    private TimeToDeliver() {}

    /** The counter attribute a delivery that took {@code elapsed} adds one to. */
    public static String bucket(Duration elapsed) {
        double seconds = Math.max(0, elapsed.toMillis()) / 1000.0;
        for (long bound : BOUNDS) {
            if (seconds <= bound) {
                return name(bound);
            }
        }
        return OVERFLOW;
    }

    static String name(long bound) {
        return "ttd_le_" + bound + "s";
    }

    /**
     * The upper bound (seconds) of the bucket holding the {@code p}th percentile (0 &lt; p ≤ 1), null
     * without deliveries, -1 when it lies beyond the last bound.
     */
    public static Long percentile(Map<String, Long> counts, double p) {
        long total = counts.values().stream().mapToLong(Long::longValue).sum();
        if (total == 0) {
            return null;
        }
        long rank = (long) Math.ceil(p * total);
        long seen = 0;
        for (long bound : BOUNDS) {
            seen += counts.getOrDefault(name(bound), 0L);
            if (seen >= rank) {
                return bound;
            }
        }
        return -1L;
    }
}
