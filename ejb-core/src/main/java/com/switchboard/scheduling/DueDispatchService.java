package com.switchboard.scheduling;

import com.switchboard.error.StoreUnavailableException;
import com.switchboard.store.ShardBackoff;
import com.switchboard.store.Shards;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One round of the scheduler: find the SCHEDULE items due now or within
 * {@code scheduler.lookahead.ms} in the shards due to be read, claim them for this server ({@code scheduler.threads} claims at a
 * time, a page of {@code scheduler.page.size} after another), and have each page dispatched when
 * its last item is due. Claiming ahead lets many sends due at one instant go out at that instant
 * rather than after the next tick and a claim each; the price is that a send can no longer be
 * cancelled or moved in the last lookahead before its time. An item another server claimed first
 * is left to it. Then the batched deletes of {@link ScheduleCleanup} are made.
 */
@ApplicationScoped
public class DueDispatchService {
    private static final Logger LOG = Logger.getLogger(DueDispatchService.class.getName());

    @Inject
    DynamoScheduleStore schedules;

    @Inject
    DispatchService dispatch;

    @Inject
    ScheduleWorkers workers;

    @Inject
    ScheduleCleanup cleanup;

    @Inject
    ServerIdentity server;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "scheduler.batch", defaultValue = "1000")
    int batch;

    @Inject
    @ConfigProperty(name = "scheduler.page.size", defaultValue = "50")
    int pageSize;

    @Inject
    @ConfigProperty(name = "scheduler.lookahead.ms", defaultValue = "1000")
    long lookaheadMs;

    @Inject
    SchedulerBackoff backoff;

    @Inject
    Shards shards;

    /**
     * Claims what is due (soon) in the shards whose time to be read came ({@link SchedulerBackoff})
     * and hands it to dispatch; returns how many communications this server claimed. Reads a sweep
     * further ahead than it claims, to learn when each shard needs to be read again.
     */
    public int dispatchDue() {
        Instant now = clock.instant();
        List<ShardBackoff.Look> looks = backoff.due(now);
        if (looks.isEmpty()) {
            cleanup.flush();
            return 0;
        }
        Duration ahead = Duration.ofMillis(lookaheadMs).plus(backoff.sweep());
        List<List<DynamoScheduleStore.Due>> seen = shards.read(
                looks.stream().map(ShardBackoff.Look::shard).toList(), shard -> schedules.due(shard, batch, ahead));
        Instant claimUpTo = clock.instant().plusMillis(lookaheadMs);
        List<DynamoScheduleStore.Due> due = new ArrayList<>();
        for (int i = 0; i < looks.size(); i++) {
            List<DynamoScheduleStore.Due> inShard = seen.get(i);
            List<DynamoScheduleStore.Due> dueNow =
                    inShard.stream().filter(d -> !d.dueAt().isAfter(claimUpTo)).toList();
            if (dueNow.isEmpty()) {
                Instant earliest = inShard.stream()
                        .map(DynamoScheduleStore.Due::dueAt)
                        .min(Instant::compareTo)
                        .orElse(null);
                backoff.idle(looks.get(i), now, earliest == null ? null : earliest.minusMillis(lookaheadMs));
            } else {
                backoff.busy(looks.get(i)); // more may be due than one read returns, or come due by the next tick
                due.addAll(dueNow);
            }
        }
        due.sort(Comparator.comparing(DynamoScheduleStore.Due::dueAt));
        int claimed = 0;
        for (int i = 0; i < due.size(); i += pageSize) {
            claimed += claimPage(due.subList(i, Math.min(i + pageSize, due.size())));
        }
        cleanup.flush();
        return claimed;
    }

    private int claimPage(List<DynamoScheduleStore.Due> page) {
        List<DynamoScheduleStore.Claimed> mine = workers.map(page, this::claim).stream()
                .flatMap(Optional::stream)
                .toList();
        if (mine.isEmpty()) {
            return 0;
        }
        Instant last = mine.stream()
                .map(DynamoScheduleStore.Claimed::dueAt)
                .max(Instant::compareTo)
                .orElseThrow();
        workers.runAfter(Duration.between(clock.instant(), last), () -> dispatchPage(mine));
        return mine.size();
    }

    private Optional<DynamoScheduleStore.Claimed> claim(DynamoScheduleStore.Due due) {
        try {
            return schedules.claim(due.communicationId(), due.dueAt(), server.id(), server.lease());
        } catch (SdkException | StoreUnavailableException e) {
            // unclaimed, so the next tick finds it again
            LOG.warning(() -> "could not claim communication " + due.communicationId() + ": " + e.getMessage());
            return Optional.empty();
        }
    }

    private void dispatchPage(List<DynamoScheduleStore.Claimed> page) {
        try {
            dispatch.dispatchPage(page);
        } catch (RuntimeException e) {
            // the items keep this server's claim: once their leases end any server tries again
            LOG.log(
                    Level.WARNING,
                    "could not dispatch " + page.size() + " communications; retried after the claim's lease",
                    e);
        }
    }
}
