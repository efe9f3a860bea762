package com.switchboard.store;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLongArray;
import java.util.function.Supplier;

/**
 * When a timer next reads each shard of a due-work partition ({@link Shards}). A shard is read
 * again at the next tick while it had work due, when the earliest item seen in it comes due, when
 * this server wrote something due into it ({@link #wake}), and otherwise a {@code sweep} after its
 * last read: work written by another server that died before doing it is found at most that late.
 * The first idle reads are spread over the sweep (shard s waits (s + 1) / shards of it), so an idle
 * server reads about one shard every {@code sweep / shards} instead of all of them at once. The
 * sweep is read at every check, so a changed configuration applies at once.
 */
public final class ShardBackoff {
    private static final long NONE = Long.MAX_VALUE;
    /** Epoch millis at which the earliest item seen comes due; 0 = read at the next tick. */
    private final AtomicLongArray earliest;
    /** Epoch millis of the last read that found nothing due, shifted for the first one's spread. */
    private final AtomicLongArray idleSince;

    private final AtomicLongArray wakes;
    private final AtomicLongArray idleReads;
    private final Supplier<Duration> sweep;

    /** A shard to read now, and how many wakes it had when the read began. */
    public record Look(int shard, long wakes) {}

    public ShardBackoff(int shards, Supplier<Duration> sweep) {
        this.earliest = new AtomicLongArray(shards); // all 0: every shard is read at the first tick
        this.idleSince = new AtomicLongArray(shards);
        this.wakes = new AtomicLongArray(shards);
        this.idleReads = new AtomicLongArray(shards);
        this.sweep = sweep;
    }

    public Duration sweep() {
        return sweep.get();
    }

    /** The shards to read now. */
    public List<Look> due(Instant now) {
        long t = now.toEpochMilli();
        long sweepMs = sweep().toMillis();
        List<Look> due = new ArrayList<>();
        for (int s = 0; s < earliest.length(); s++) {
            if (t >= earliest.get(s) || t >= idleSince.get(s) + sweepMs) {
                due.add(new Look(s, wakes.get(s)));
            }
        }
        return due;
    }

    /** Read {@code shard} at the next tick: this server just wrote work due into it. */
    public void wake(int shard) {
        wakes.incrementAndGet(shard);
        earliest.set(shard, 0);
    }

    /** The shard had work due: read it again at the next tick. */
    public void busy(Look look) {
        earliest.set(look.shard(), 0);
    }

    /**
     * The shard had nothing due at {@code now}: read it again when the earliest item seen in it
     * ({@code dueAt}, or null) comes due, at the latest a sweep later; a wake during the read wins.
     */
    public void idle(Look look, Instant now, Instant dueAt) {
        int shard = look.shard();
        long since = now.toEpochMilli();
        if (idleReads.getAndIncrement(shard) == 0) {
            int n = earliest.length();
            since -= sweep().toMillis() * (n - 1 - shard) / n;
        }
        idleSince.set(shard, since);
        earliest.set(shard, dueAt == null ? NONE : dueAt.toEpochMilli());
        if (wakes.get(shard) != look.wakes()) {
            earliest.set(shard, 0);
        }
    }
}
