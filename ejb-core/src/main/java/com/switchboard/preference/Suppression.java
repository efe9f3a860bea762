package com.switchboard.preference;

import com.switchboard.channel.Channel;

/**
 * An address that must not be sent to on a channel, why, and since when. {@code kind} is what a
 * recipient's failure reason says: {@link #OPTED_OUT} for the person's own choice (a STOP reply,
 * an opt-out), {@link #SUPPRESSED} for what the provider told us (a hard bounce, a complaint),
 * {@link #UNSUBSCRIBED} for marketing only (a one-click unsubscribe): service messages still go.
 */
public record Suppression(Channel channel, String address, String kind, String reason, String since) {
    public static final String OPTED_OUT = "opted-out";
    public static final String SUPPRESSED = "suppressed";
    public static final String UNSUBSCRIBED = "unsubscribed";

    /** Whether this entry stops a message of that category. */
    public boolean blocks(boolean marketing) {
        return marketing || !UNSUBSCRIBED.equals(kind);
    }
}
