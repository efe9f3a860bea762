package com.switchboard.analytics;

import com.switchboard.channel.Channel;

/** The keys of the analytics counter items: {@code STATS#<channel>} / {@code DAY#<yyyy-mm-dd>} | {@code HOUR#<yyyy-mm-ddThh>}. */
final class AnalyticsKeys {
    static final String DAY = "DAY#";
    static final String HOUR = "HOUR#";

    private AnalyticsKeys() {}

    static String pk(Channel channel) {
        return "STATS#" + channel.name();
    }

    /** The day of an ISO-8601 UTC instant ({@code 2026-01-31T09:15:00Z} → {@code DAY#2026-01-31}). */
    static String day(String instant) {
        return DAY + instant.substring(0, 10);
    }

    /** The hour of an ISO-8601 UTC instant ({@code 2026-01-31T09:15:00Z} → {@code HOUR#2026-01-31T09}). */
    static String hour(String instant) {
        return HOUR + instant.substring(0, 13);
    }
}
