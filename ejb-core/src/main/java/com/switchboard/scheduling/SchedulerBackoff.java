package com.switchboard.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

/**
 * When this server next needs to look for due communications. A look that found nothing due soon
 * backs off until the earliest item it saw comes within the lookahead, at most
 * {@code scheduler.idle.max.ms} later, so an idle server makes one query every few seconds instead
 * of every second. A send scheduled on this server for sooner {@link #wake}s it; one scheduled on
 * another server for that soon is found at most {@code scheduler.idle.max.ms} late.
 */
@ApplicationScoped
public class SchedulerBackoff {
    private final AtomicLong notBeforeMillis = new AtomicLong();

    boolean mayLook(Instant now) {
        return now.toEpochMilli() >= notBeforeMillis.get();
    }

    void lookAgainAt(Instant at) {
        notBeforeMillis.set(at.toEpochMilli());
    }

    /** A send is due soon: look at the next tick. */
    public void wake() {
        notBeforeMillis.set(0);
    }
}
