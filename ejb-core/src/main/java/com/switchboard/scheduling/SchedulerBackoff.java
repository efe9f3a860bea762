package com.switchboard.scheduling;

import com.switchboard.store.ShardBackoff;
import com.switchboard.store.Shards;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.eclipse.microprofile.config.Config;

/**
 * When this server next reads each shard of the due sends ({@code STATUS#Scheduled#<shard>}): at
 * every tick while one had sends due, when the earliest send seen in it comes within the
 * lookahead, at once when this server accepted or moved a send into it ({@link #wake}), and
 * otherwise every {@code scheduler.sweep.seconds} ({@link ShardBackoff}). An idle server so reads
 * about one shard every sweep / shards seconds; a send scheduled by a server that then died is
 * found at most a sweep after its time (its own server dispatches it on time).
 */
@ApplicationScoped
public class SchedulerBackoff {
    @Inject
    Shards shards;

    @Inject
    Config config;

    private ShardBackoff backoff;

    @PostConstruct
    void start() {
        backoff = new ShardBackoff(
                shards.count(),
                () -> Duration.ofSeconds(config.getOptionalValue("scheduler.sweep.seconds", Long.class)
                        .orElse(80L)));
    }

    List<ShardBackoff.Look> due(Instant now) {
        return backoff.due(now);
    }

    Duration sweep() {
        return backoff.sweep();
    }

    void busy(ShardBackoff.Look look) {
        backoff.busy(look);
    }

    void idle(ShardBackoff.Look look, Instant now, Instant earliest) {
        backoff.idle(look, now, earliest);
    }

    /** A send of {@code communicationId} is due soon: read its shard at the next tick. */
    public void wake(String communicationId) {
        backoff.wake(shards.of(communicationId));
    }
}
