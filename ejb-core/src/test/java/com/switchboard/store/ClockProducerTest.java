package com.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ClockProducerTest {

    @Test
    void withoutTheLocalProfilesSwitchTheClockCannotBeMoved() {
        ClockProducer producer = new ClockProducer(); // clock.adjustable unset: its default, false
        assertTrue(producer.adjustable().isEmpty(), "no adjustable clock is offered");
        assertEquals(Clock.systemUTC(), producer.clock(), "the plain system clock is injected");
    }

    @Test
    void anAdjustableClockRunsOnFromTheInstantSet() {
        OffsetClock clock = new OffsetClock(Clock.systemUTC());
        clock.setNow(Instant.parse("2026-11-01T12:59:58Z"));
        Duration fromSet = Duration.between(Instant.parse("2026-11-01T12:59:58Z"), clock.instant());
        assertTrue(
                !fromSet.isNegative() && fromSet.compareTo(Duration.ofSeconds(5)) < 0,
                "time runs on from there: " + fromSet);
        clock.reset();
        assertTrue(
                Duration.between(Instant.now(), clock.instant()).abs().compareTo(Duration.ofSeconds(5)) < 0,
                "back to real time");
    }
}
