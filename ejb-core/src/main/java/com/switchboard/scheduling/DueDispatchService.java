package com.switchboard.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One round of the scheduler: find the SCHEDULE items due now, claim each for this server and
 * queue its communication. An item another server claimed first is left to it.
 */
@ApplicationScoped
public class DueDispatchService {
    private static final Logger LOG = Logger.getLogger(DueDispatchService.class.getName());

    @Inject
    DynamoScheduleStore schedules;

    @Inject
    DispatchService dispatch;

    @Inject
    ServerIdentity server;

    @Inject
    @ConfigProperty(name = "scheduler.batch", defaultValue = "100")
    int batch;

    /** Dispatches what is due; returns how many communications this server queued. */
    public int dispatchDue() {
        int dispatched = 0;
        for (DynamoScheduleStore.Due due : schedules.due(batch)) {
            if (!schedules.claim(due.communicationId(), server.id(), server.lease())) {
                continue;
            }
            try {
                dispatch.dispatchClaimed(due.communicationId());
                dispatched++;
            } catch (RuntimeException e) {
                // the item keeps this server's claim: once its lease ends any server tries again,
                // and the other due items of this round are not held up by one that fails
                LOG.log(Level.WARNING, "could not dispatch communication " + due.communicationId()
                        + "; retried after the claim's lease", e);
            }
        }
        return dispatched;
    }
}
