package com.switchboard.scheduling;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The SCHEDULE items of immediate sends whose tickets are queued, deleted in batches by the
 * scheduler's next tick instead of one DeleteItem on each request. Until then an item stays claimed
 * by this server, so no timer takes it; if the server dies first, the takeover after the lease finds
 * its communication no longer Scheduled and only removes the item.
 */
@ApplicationScoped
public class ScheduleCleanup {
    private static final Logger LOG = Logger.getLogger(ScheduleCleanup.class.getName());

    @Inject
    DynamoScheduleStore schedules;

    private final List<String> pending = new ArrayList<>();

    /** Deletes the item of {@code communicationId} with the next batch. */
    public void delete(String communicationId) {
        synchronized (pending) {
            pending.add(communicationId);
        }
    }

    /** Deletes what is pending; on failure the items stay and their leases run out. */
    public void flush() {
        List<String> ids;
        synchronized (pending) {
            if (pending.isEmpty()) {
                return;
            }
            ids = new ArrayList<>(pending);
            pending.clear();
        }
        try {
            schedules.deleteAll(ids);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "could not delete " + ids.size() + " dispatched schedule items; they are removed after their lease",
                    e);
        }
    }

    @PreDestroy
    void stop() {
        flush();
    }
}
