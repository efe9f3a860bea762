package com.switchboard.coordination.timing;

import com.switchboard.store.ShardBackoff;
import com.switchboard.store.Shards;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.Config;

/**
 * When this server next reads each shard of the quiet-hours releases and of the digests
 * ({@link ShardBackoff}): a hold this server writes wakes its shard, whose next read learns when
 * it comes due; other shards are swept every {@code scheduler.sweep.seconds}.
 */
@ApplicationScoped
public class HeldBackoff {
    @Inject
    Shards shards;

    @Inject
    Config config;

    private ShardBackoff quiet;
    private ShardBackoff digests;

    @PostConstruct
    void start() {
        Supplier<Duration> sweep = () -> Duration.ofSeconds(
                config.getOptionalValue("scheduler.sweep.seconds", Long.class).orElse(80L));
        quiet = new ShardBackoff(shards.count(), sweep);
        digests = new ShardBackoff(shards.count(), sweep);
    }

    ShardBackoff quiet() {
        return quiet;
    }

    ShardBackoff digests() {
        return digests;
    }
}
