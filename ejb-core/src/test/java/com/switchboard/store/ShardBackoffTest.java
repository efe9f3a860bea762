package com.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class ShardBackoffTest {
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");

    private static List<Integer> due(ShardBackoff b, Instant at) {
        return b.due(at).stream().map(ShardBackoff.Look::shard).toList();
    }

    @Test
    void everyShardIsReadAtStartThenTheIdleOnesAreSpreadOverTheSweep() {
        ShardBackoff b = new ShardBackoff(4, () -> Duration.ofSeconds(80));
        List<ShardBackoff.Look> first = b.due(T0);
        assertEquals(
                List.of(0, 1, 2, 3),
                first.stream().map(ShardBackoff.Look::shard).toList(),
                "all at the first tick");
        first.forEach(l -> b.idle(l, T0, null));

        assertEquals(List.of(), due(b, T0.plusSeconds(19)), "nothing before a quarter of the sweep");
        assertEquals(List.of(0), due(b, T0.plusSeconds(20)), "shard 0 after a quarter");
        assertEquals(List.of(0, 1), due(b, T0.plusSeconds(40)), "shard 1 after half");
        assertEquals(List.of(0, 1, 2, 3), due(b, T0.plusSeconds(80)), "all within one sweep");
    }

    @Test
    void anIdleShardWaitsAWholeSweepAfterItsFirstSpreadRead() {
        ShardBackoff b = new ShardBackoff(4, () -> Duration.ofSeconds(80));
        b.due(T0).forEach(l -> b.idle(l, T0, null));
        ShardBackoff.Look zero = b.due(T0.plusSeconds(20)).get(0);
        b.idle(zero, T0.plusSeconds(20), null);
        assertFalse(due(b, T0.plusSeconds(99)).contains(0), "shard 0 next read a sweep after its last");
        assertTrue(due(b, T0.plusSeconds(100)).contains(0), "then again");
    }

    @Test
    void theEarliestItemSeenAndAWakeReadAShardSooner() {
        ShardBackoff b = new ShardBackoff(2, () -> Duration.ofSeconds(80));
        List<ShardBackoff.Look> first = b.due(T0);
        b.idle(first.get(0), T0, T0.plusSeconds(5));
        b.idle(first.get(1), T0, null);
        assertEquals(List.of(0), due(b, T0.plusSeconds(5)), "when its earliest item comes due");

        b.wake(1);
        assertEquals(List.of(0, 1), due(b, T0.plusSeconds(5)), "a wake reads shard 1 at the next tick");
    }

    @Test
    void aWakeDuringAReadWinsOverWhatTheReadSaw() {
        ShardBackoff b = new ShardBackoff(1, () -> Duration.ofSeconds(80));
        ShardBackoff.Look look = b.due(T0).get(0);
        b.wake(0); // this server wrote a due item after the read's query
        b.idle(look, T0, null);
        assertEquals(List.of(0), due(b, T0.plusSeconds(1)), "read again at the next tick");
    }

    @Test
    void aShorterSweepAppliesAtOnce() {
        AtomicReference<Duration> sweep = new AtomicReference<>(Duration.ofSeconds(80));
        ShardBackoff b = new ShardBackoff(1, sweep::get);
        b.idle(b.due(T0).get(0), T0, null);
        assertEquals(List.of(), due(b, T0.plusSeconds(2)));
        sweep.set(Duration.ofSeconds(2));
        assertEquals(List.of(0), due(b, T0.plusSeconds(2)), "the idle shard is read after the new sweep");
    }

    @Test
    void aBusyShardIsReadAtTheNextTick() {
        ShardBackoff b = new ShardBackoff(1, () -> Duration.ofSeconds(80));
        b.busy(b.due(T0).get(0));
        assertEquals(List.of(0), due(b, T0.plusSeconds(1)));
    }
}
