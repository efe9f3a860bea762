package com.switchboard.scheduling;

import com.switchboard.communication.DeliveryTicket;
import com.switchboard.queue.JmsDispatchQueue;
import com.switchboard.communication.ChunkOwnership;
import com.switchboard.communication.CommunicationStatus;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.DynamoDispatchStateStore.DispatchState;
import com.switchboard.communication.DynamoDispatchStateStore;
import com.switchboard.communication.NewCommunication;
import com.switchboard.communication.RecipientChunks;
import com.switchboard.store.BatchWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How an accepted communication reaches its queues. It is stored with a SCHEDULE item: due later
 * for a scheduled send, or due now and already claimed by this server for an immediate one, which
 * {@link ScheduleCleanup} deletes shortly after the request has queued the tickets; if this server
 * dies first, the timer of any server takes the item over when the claim's lease ends, so nothing
 * accepted is left behind (and an item whose communication is no longer Scheduled is only removed).
 * Sends of more than {@code fanout.threshold} recipients keep their recipients in fan-out chunks
 * and are queued chunk by chunk by {@link FanOutConsumer}, so the request answers at once.
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
    DynamoFanOutStore fanOuts;

    @Inject
    JmsDispatchQueue queue;

    @Inject
    JmsFanOutQueue fanOutQueue;

    @Inject
    ServerIdentity server;

    @Inject
    BatchWriter batch;

    @Inject
    ScheduleCleanup cleanup;

    @Inject
    ScheduleWorkers workers;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "fanout.threshold", defaultValue = "500")
    int fanOutThreshold;

    @Inject
    SchedulerBackoff backoff;

    @Inject
    ChunkOwnership ownership;

    @Inject
    @ConfigProperty(name = "fanout.chunk.size", defaultValue = "500")
    int chunkSize;

    /** Whole recipient chunks per fan-out chunk: its recipients are written as chunk items, which two fan-out chunks must not share. */
    private int chunkSize() {
        int whole = RecipientChunks.SIZE;
        return Math.max(whole, (chunkSize + whole - 1) / whole * whole);
    }

    /** Stores a validated communication and, unless it is due later, hands it to its queues; returns its status. */
    public CommunicationStatus accept(NewCommunication c) {
        Instant due = c.request().scheduledAt() == null ? null : Instant.parse(c.request().scheduledAt());
        boolean later = due != null && due.isAfter(clock.instant());
        int chunks = fanOut(c) ? DynamoFanOutStore.chunkCount(c.recipients().size(), chunkSize()) : 0;
        Map<String, AttributeValue> schedule = !later ? schedules.claimedItem(c.id(), server.id(), server.lease())
                : chunks > 0 ? schedules.item(c.id(), due) : schedules.item(c.id(), due, tickets(c));
        if (chunks > 0) {
            List<Map<String, AttributeValue>> more = new ArrayList<>(
                    fanOuts.chunkItems(c.id(), c.createdAt(), c.recipients(), chunkSize()));
            more.add(schedule);
            store.createDetails(c, chunks, more);
        } else {
            store.create(c, List.of(schedule), later ? null : server.id()); // queued at once below: this server owns its chunks
        }
        if (later) {
            backoff.wake(c.id()); // this server's scheduler may be backing off past the new send's time
            return CommunicationStatus.Scheduled;
        }
        if (chunks > 0) {
            fanOutQueue.enqueue(c.id(), chunks);
        } else {
            queue.enqueue(tickets(c));
            store.markDispatched(c.id(), clock.instant().toString());
        }
        // later and batched: the item is claimed by this server, so no timer takes it meanwhile
        cleanup.delete(c.id());
        // a fanned-out send stays Scheduled until its consumer has queued the last chunk
        return chunks > 0 ? CommunicationStatus.Scheduled : CommunicationStatus.Sent;
    }

    /** Removes what {@link #accept} stored besides DETAILS and recipients, when a send is taken back. */
    public void forget(NewCommunication c) {
        schedules.delete(c.id());
        if (fanOut(c)) {
            batch.deleteAll(fanOuts.chunkKeys(c.id(), DynamoFanOutStore.chunkCount(c.recipients().size(), chunkSize())));
        }
    }

    /**
     * Queues a communication whose SCHEDULE item this server has just claimed: a scheduled send now
     * due, or an immediate one whose server died before queueing it. One found no longer Scheduled
     * (queued before, or cancelled) only has its item removed.
     */
    public void dispatchClaimed(String communicationId) {
        Optional<DispatchState> state = dispatchStates.dispatchState(communicationId);
        if (state.isPresent() && CommunicationStatus.Scheduled.name().equals(state.get().status())) {
            if (state.get().fanOutChunks() > 0) {
                // chunks queued before a crash are counted once; see FanOutService
                fanOutQueue.enqueue(communicationId, state.get().fanOutChunks());
            } else {
                List<DeliveryTicket> tickets = dispatchStates.tickets(communicationId);
                ownership.claim(communicationId, tickets.stream().map(DeliveryTicket::recipientIndex).toList(), server.id());
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
        List<DynamoScheduleStore.Claimed> ready = page.stream().filter(c -> c.fresh() && c.tickets().isPresent()).toList();
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
                ownership.claim(c.communicationId(), c.tickets().orElseThrow().stream().map(DeliveryTicket::recipientIndex)
                        .toList(), server.id());
            } catch (RuntimeException e) {
                // queued all the same: only a takeover, should this server die before they go out, would miss them
                LOG.log(Level.WARNING, "could not record this server as the owner of " + c.communicationId(), e);
            }
            return Optional.of(c);
        });
        queue.enqueue(ready.stream().flatMap(c -> c.tickets().orElseThrow().stream()).toList());
        // sentAt is when the tickets were queued (committed just now), not when each status write gets its turn
        String queuedAt = clock.instant().toString();
        List<String> marked = workers.map(ready, c -> {
            try {
                store.markDispatched(c.communicationId(), queuedAt);
                return Optional.of(c.communicationId());
            } catch (RuntimeException e) {
                // queued but still Scheduled: the takeover after the lease finds it so and queues it again,
                // where consumers skip the recipients already sent
                LOG.log(Level.WARNING, "queued communication " + c.communicationId() + " but could not mark it dispatched", e);
                return Optional.<String>empty();
            }
        }).stream().flatMap(Optional::stream).toList();
        schedules.deleteAll(marked);
    }

    private void dispatchOne(String communicationId) {
        try {
            dispatchClaimed(communicationId);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not dispatch communication " + communicationId + "; retried after the claim's lease", e);
        }
    }

    private static List<DeliveryTicket> tickets(NewCommunication c) {
        return c.recipients().stream().map(r -> new DeliveryTicket(c.id(), r.index(), r.channel())).toList();
    }

    private boolean fanOut(NewCommunication c) {
        return c.recipients().size() > fanOutThreshold;
    }
}
