package com.switchboard.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * One round of the scheduler: find the SCHEDULE items due now or within
 * {@code scheduler.lookahead.ms}, claim them for this server ({@code scheduler.threads} claims at a
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
    @ConfigProperty(name = "scheduler.idle.max.ms", defaultValue = "3000")
    long idleMaxMs;

    @Inject
    SchedulerBackoff backoff;

    /**
     * Claims what is due (soon) and hands it to dispatch; returns how many communications this server
     * claimed. Looks {@code scheduler.idle.max.ms} further ahead than it claims, to learn when it
     * needs to look again ({@link SchedulerBackoff}).
     */
    public int dispatchDue() {
        Instant now = clock.instant();
        if (!backoff.mayLook(now)) {
            cleanup.flush();
            return 0;
        }
        int claimed = 0;
        boolean dueSoon = false;
        Instant earliestLater = now.plusMillis(lookaheadMs + idleMaxMs);
        List<DynamoScheduleStore.Due> seen;
        int round;
        do {
            seen = schedules.due(batch, Duration.ofMillis(lookaheadMs + idleMaxMs));
            Instant claimUpTo = clock.instant().plusMillis(lookaheadMs);
            List<DynamoScheduleStore.Due> due = seen.stream().filter(d -> !d.dueAt().isAfter(claimUpTo)).toList();
            dueSoon |= !due.isEmpty();
            for (DynamoScheduleStore.Due d : seen) {
                if (d.dueAt().isAfter(claimUpTo) && d.dueAt().isBefore(earliestLater)) {
                    earliestLater = d.dueAt();
                }
            }
            round = 0;
            for (int i = 0; i < due.size(); i += pageSize) {
                round += claimPage(due.subList(i, Math.min(i + pageSize, due.size())));
            }
            claimed += round;
        } while (seen.size() == batch && round > 0); // more may be due than one query returns
        // something was due (claimed or not): look at the next tick; else when the earliest seen comes within the lookahead
        backoff.lookAgainAt(dueSoon ? now : earliestLater.minusMillis(lookaheadMs));
        cleanup.flush();
        return claimed;
    }

    private int claimPage(List<DynamoScheduleStore.Due> page) {
        List<DynamoScheduleStore.Claimed> mine = workers.map(page, this::claim).stream().flatMap(Optional::stream).toList();
        if (mine.isEmpty()) {
            return 0;
        }
        Instant last = mine.stream().map(DynamoScheduleStore.Claimed::dueAt).max(Instant::compareTo).orElseThrow();
        workers.runAfter(Duration.between(clock.instant(), last), () -> dispatchPage(mine));
        return mine.size();
    }

    private Optional<DynamoScheduleStore.Claimed> claim(DynamoScheduleStore.Due due) {
        try {
            return schedules.claim(due.communicationId(), due.dueAt(), server.id(), server.lease());
        } catch (SdkException e) {
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
            LOG.log(Level.WARNING, "could not dispatch " + page.size() + " communications; retried after the claim's lease", e);
        }
    }
}
