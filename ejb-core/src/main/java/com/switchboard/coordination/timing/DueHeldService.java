package com.switchboard.coordination.timing;

import com.switchboard.communication.ChunkOwnership;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.coordination.timing.DynamoHeldDeliveryStore.DigestHead;
import com.switchboard.coordination.timing.DynamoHeldDeliveryStore.QuietRelease;
import com.switchboard.queue.JmsDispatchQueue;
import com.switchboard.scheduling.ServerIdentity;
import com.switchboard.store.ShardBackoff;
import com.switchboard.store.Shards;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiFunction;
import java.util.function.Function;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One round of the held-delivery timer: recipients whose quiet hours are over are released and
 * their tickets queued again; digests now due are sent. Only the shards {@link HeldBackoff} says
 * are due to be read are read. Each is claimed first, so of several
 * servers only one takes it; one that fails keeps its claim and is tried again after the lease.
 */
@ApplicationScoped
public class DueHeldService {
    private static final Logger LOG = Logger.getLogger(DueHeldService.class.getName());

    @Inject
    DynamoHeldDeliveryStore held;

    @Inject
    DigestService digests;

    @Inject
    JmsDispatchQueue queue;

    @Inject
    ServerIdentity server;

    @Inject
    ChunkOwnership ownership;

    @Inject
    @ConfigProperty(name = "held.batch", defaultValue = "100")
    int batch;

    @Inject
    HeldBackoff backoff;

    @Inject
    Shards shards;

    @Inject
    Clock clock;

    public void releaseDue() {
        Instant now = clock.instant();
        for (QuietRelease q :
                due(backoff.quiet(), now, (shard, ahead) -> held.quiet(shard, batch, ahead), QuietRelease::until)) {
            if (held.claimQuiet(q, server.id(), server.lease())) {
                run("release recipient " + q.index() + " of " + q.communicationId(), () -> {
                    if (held.markReleased(q.communicationId(), q.index())) {
                        ownership.adopt(
                                q.communicationId(), q.index(), server.id()); // its ticket goes on this server's queue
                        queue.enqueue(List.of(new DeliveryTicket(q.communicationId(), q.index(), q.channel())));
                    }
                    held.deleteQuiet(q);
                });
            }
        }
        for (DigestHead d :
                due(backoff.digests(), now, (shard, ahead) -> held.digests(shard, batch, ahead), DigestHead::dueAt)) {
            if (held.claimDigest(d, server.id(), server.lease())) {
                run("send digest " + d.pk(), () -> digests.send(d));
            }
        }
    }

    /**
     * What is due now in the shards whose time to be read came; a shard with nothing due is read
     * again when the earliest item seen (a sweep ahead) comes due, or after the sweep.
     */
    private <T> List<T> due(
            ShardBackoff shardBackoff,
            Instant now,
            BiFunction<Integer, Duration, List<T>> read,
            Function<T, Instant> dueAt) {
        List<ShardBackoff.Look> looks = shardBackoff.due(now);
        if (looks.isEmpty()) {
            return List.of();
        }
        List<List<T>> seen = shards.read(
                looks.stream().map(ShardBackoff.Look::shard).toList(),
                shard -> read.apply(shard, shardBackoff.sweep()));
        List<T> due = new ArrayList<>();
        for (int i = 0; i < looks.size(); i++) {
            List<T> dueNow = seen.get(i).stream()
                    .filter(t -> !dueAt.apply(t).isAfter(now))
                    .toList();
            if (dueNow.isEmpty()) {
                shardBackoff.idle(
                        looks.get(i),
                        now,
                        seen.get(i).stream().map(dueAt).min(Instant::compareTo).orElse(null));
            } else {
                shardBackoff.busy(looks.get(i));
                due.addAll(dueNow);
            }
        }
        return due;
    }

    private static void run(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not " + what + "; retried after the claim's lease", e);
        }
    }
}
