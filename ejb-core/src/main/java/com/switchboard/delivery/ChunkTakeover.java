package com.switchboard.delivery;

import com.switchboard.communication.ChunkOwnership;
import com.switchboard.communication.CommunicationStatus;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.communication.DynamoDispatchStateStore;
import com.switchboard.queue.JmsDispatchQueue;
import com.switchboard.scheduling.DynamoScheduleStore;
import com.switchboard.scheduling.JmsFanOutQueue;
import com.switchboard.scheduling.ServerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps this server's lease and finishes the work of servers whose lease ran out (killed, disk
 * lost, gone for good): their recipient chunks still Pending are moved to this server, once, and
 * their tickets queued here. A communication still Scheduled is left to the scheduler's own
 * takeover of its SCHEDULE item. Held recipients stay held: their release queues them.
 */
@ApplicationScoped
public class ChunkTakeover {
    private static final Logger LOG = Logger.getLogger(ChunkTakeover.class.getName());

    @Inject
    DynamoServerLeases leases;

    @Inject
    ChunkOwnership ownership;

    @Inject
    DynamoDispatchStateStore dispatchStates;

    @Inject
    JmsDispatchQueue queue;

    @Inject
    ServerIdentity server;

    @Inject
    DynamoScheduleStore schedules;

    @Inject
    JmsFanOutQueue fanOuts;

    @Inject
    @ConfigProperty(name = "delivery.lease.seconds", defaultValue = "60")
    long leaseSeconds;

    /** Renews this server's lease; answers how many recipients of gone servers it queued. */
    public int keepLeaseAndTakeOver() {
        Instant now = Instant.now(); // wall clock: leases are real time, not the adjustable business clock
        leases.renew(server.id(), now.plus(lease()));
        int queued = 0;
        for (DynamoServerLeases.Lease gone : leases.expired(now)) {
            if (!gone.server().equals(server.id()) && leases.claim(gone, server.id(), now, now.plus(lease()))) {
                queued += takeOver(gone.server());
            }
        }
        return queued;
    }

    private int takeOver(String gone) {
        int queued = 0;
        Map<String, Boolean> dispatched = new HashMap<>();
        for (ChunkOwnership.Owned owned : ownership.ownedBy(gone)) {
            try {
                if (!dispatched.computeIfAbsent(owned.communicationId(), this::queuedBy)) {
                    continue; // not queued yet, or taken back: the scheduler's takeover of its SCHEDULE item queues it
                }
                List<ChunkOwnership.Taken> taken = ownership.takeOver(owned, gone, server.id());
                if (!taken.isEmpty()) {
                    queue.enqueue(taken.stream()
                            .map(t -> new DeliveryTicket(t.communicationId(), t.index(), t.channel()))
                            .toList());
                    queued += taken.size();
                }
            } catch (RuntimeException e) {
                // the lease on the takeover runs out and another round (here or elsewhere) goes through it again
                LOG.log(Level.WARNING, "could not take over chunk " + owned + " of gone server " + gone, e);
                return queued;
            }
        }
        if (queued > 0) {
            int n = queued;
            LOG.info(() -> "took over " + n + " Pending recipients of gone server " + gone);
        }
        leases.forget(gone);
        return queued;
    }

    /**
     * Whether the communication's tickets went to its servers' queues, so Pending recipients of a
     * gone owner need queueing again. Still Scheduled with a SCHEDULE item: the scheduler's claim
     * takes it over. Still Scheduled without one: a fan-out the gone server was queueing; its
     * fan-out chunks are queued again here (those it had counted are dropped by the fan-out consumer,
     * their recipients taken over with the chunks).
     */
    private boolean queuedBy(String communicationId) {
        var state = dispatchStates.dispatchState(communicationId);
        if (state.isEmpty()) {
            return false;
        }
        if (!CommunicationStatus.Scheduled.name().equals(state.get().status())) {
            return true;
        }
        if (schedules.exists(communicationId)) {
            return false;
        }
        if (state.get().fanOutChunks() > 0
                && state.get().dispatched() < state.get().recipientCount()) {
            fanOuts.enqueue(communicationId, state.get().fanOutChunks());
        }
        return true;
    }

    Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }
}
