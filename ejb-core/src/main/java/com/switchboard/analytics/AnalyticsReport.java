package com.switchboard.analytics;

import java.math.BigDecimal;
import java.util.List;

/**
 * The answer of {@code GET /communications/analytics}. Time-to-deliver percentiles are the upper
 * bound in seconds of the histogram bucket that holds them (-1: beyond an hour; absent: nothing
 * delivered); {@code deliveryRate} is delivered over recipients attempted in the range.
 */
public record AnalyticsReport(String from, String to, String granularity, List<ChannelReport> channels) {

    /** One channel's totals over the range and its series, one point per day or hour. */
    public record ChannelReport(
            String channel,
            long attempted,
            long sent,
            long delivered,
            long failed,
            long optedOut,
            Double deliveryRate,
            Long ttdP50Seconds,
            Long ttdP95Seconds,
            List<ReasonCount> topFailureReasons,
            BigDecimal estimatedCost,
            long fallbacks,
            Double fallbackShare,
            List<Point> series) {}

    /** A normalised failure reason and how many recipients failed with it. */
    public record ReasonCount(String reason, long count) {}

    /** One day or hour of a channel (bucket is {@code 2026-01-31} or {@code 2026-01-31T09}). */
    public record Point(String bucket, long sent, long delivered, long failed, Long ttdP50Seconds) {}
}
