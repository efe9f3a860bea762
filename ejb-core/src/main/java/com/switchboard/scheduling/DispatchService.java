package com.switchboard.scheduling;

import com.switchboard.communication.ChunkOwnership;
import com.switchboard.communication.CommunicationStatus;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.DynamoDispatchStateStore;
import com.switchboard.communication.DynamoDispatchStateStore.DispatchState;
import com.switchboard.queue.JmsDispatchQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Queues the communications whose SCHEDULE item this server has claimed (see
 * {@code communication.send.Acceptance} for how they are stored): scheduled sends now due, and
 * immediate ones whose server died before queueing them, taken over when the claim's lease ended.
 * An item whose communication is no longer Scheduled is only removed.
 */
@ApplicationScoped
public class DispatchService {
    private static final Logger LOG = Logger.getLogger(DispatchService.class.getName());

    @Inject
    DynamoCommunicationStore store;

    @Inject
    DynamoDispatchStateStore dispatchStates;

    @Inject
    DynamoScheduleStore schedules;

    @Inject
    JmsDispatchQueue queue;

    @Inject
    JmsFanOutQueue fanOutQueue;

    @Inject
    ServerIdentity server;

    @Inject
    ScheduleWorkers workers;

    @Inject
    ChunkOwnership ownership;

    @Inject
    Clock clock;

    /**
     * Queues a communication whose SCHEDULE item this server has just claimed: a scheduled send now
     * due, or an immediate one whose server died before queueing it. One found no longer Scheduled
     * (queued before, or cancelled) only has its item removed.
     */
    public void dispatchClaimed(String communicationId) {
        Optional<DispatchState> state = dispatchStates.dispatchState(communicationId);
        if (state.isPresent()
                && CommunicationStatus.Scheduled.name().equals(state.get().status())) {
            if (state.get().fanOutChunks() > 0) {
                // chunks queued before a crash are counted once; see FanOutService
                fanOutQueue.enqueue(communicationId, state.get().fanOutChunks());
            } else {
                List<DeliveryTicket> tickets = dispatchStates.tickets(communicationId);
                ownership.claim(
                        communicationId,
                        tickets.stream().map(DeliveryTicket::recipientIndex).toList(),
                        server.id());
                queue.enqueue(tickets);
                store.markDispatched(communicationId, clock.instant().toString());
            }
        }
        schedules.delete(communicationId);
    }

    /**
     * Queues a page of communications this server has claimed and whose time has come. Those
     * claimed fresh with their tickets on the item go in one JMS transaction, then their statuses
     * move {@code scheduler.threads} at a time and their items are deleted in batches; the others
     * (taken over from a dead server, fanned out, or stored without tickets) one by one as
     * {@link #dispatchClaimed}. What fails keeps this server's claim and is taken over once the
     * lease ends.
     */
    public void dispatchPage(List<DynamoScheduleStore.Claimed> page) {
        List<DynamoScheduleStore.Claimed> ready =
                page.stream().filter(c -> c.fresh() && c.tickets().isPresent()).toList();
        for (DynamoScheduleStore.Claimed c : page) {
            if (!ready.contains(c)) {
                dispatchOne(c.communicationId());
            }
        }
        if (ready.isEmpty()) {
            return;
        }
        // this server's queue takes their tickets: it owns their chunks from now on (scheduler.threads at a time)
        workers.map(ready, c -> {
            try {
                ownership.claim(
                        c.communicationId(),
                        c.tickets().orElseThrow().stream()
                                .map(DeliveryTicket::recipientIndex)
                                .toList(),
                        server.id());
            } catch (RuntimeException e) {
                // queued all the same: only a takeover, should this server die before they go out, would miss them
                LOG.log(Level.WARNING, "could not record this server as the owner of " + c.communicationId(), e);
            }
            return Optional.of(c);
        });
        queue.enqueue(
                ready.stream().flatMap(c -> c.tickets().orElseThrow().stream()).toList());
        // sentAt is when the tickets were queued (committed just now), not when each status write gets its turn
        String queuedAt = clock.instant().toString();
        List<String> marked = workers
                .map(ready, c -> {
                    try {
                        store.markDispatched(c.communicationId(), queuedAt);
                        return Optional.of(c.communicationId());
                    } catch (RuntimeException e) {
                        // queued but still Scheduled: the takeover after the lease finds it so and queues it again,
                        // where consumers skip the recipients already sent
                        LOG.log(
                                Level.WARNING,
                                "queued communication " + c.communicationId() + " but could not mark it dispatched",
                                e);
                        return Optional.<String>empty();
                    }
                })
                .stream()
                .flatMap(Optional::stream)
                .toList();
        schedules.deleteAll(marked);
    }

    private void dispatchOne(String communicationId) {
        try {
            dispatchClaimed(communicationId);
        } catch (RuntimeException e) {
            LOG.log(
                    Level.WARNING,
                    "could not dispatch communication " + communicationId + "; retried after the claim's lease",
                    e);
        }
    }
}
