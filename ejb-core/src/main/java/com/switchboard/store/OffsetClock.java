package com.switchboard.store;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

/**
 * The system clock moved by an offset that the integration tests set through
 * {@code /communications/clock}, so digests and quiet hours can be seen at any local time. Only the
 * local profile turns it on ({@code clock.adjustable}); elsewhere the plain system clock is injected.
 */
public final class OffsetClock extends Clock {
    private final Clock base;
    private volatile Duration offset = Duration.ZERO;

    public OffsetClock(Clock base) {
        this.base = base;
    }

    /** From now on, time runs on from {@code now}. */
    public void setNow(Instant now) {
        offset = Duration.between(base.instant(), now);
    }

    public void reset() {
        offset = Duration.ZERO;
    }

    @Override
    public Instant instant() {
        return base.instant().plus(offset);
    }

    @Override
    public ZoneId getZone() {
        return base.getZone();
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return Clock.offset(base.withZone(zone), offset);
    }
}
