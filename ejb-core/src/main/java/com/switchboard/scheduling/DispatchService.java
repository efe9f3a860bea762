package com.switchboard.scheduling;

import com.switchboard.channel.DeliveryTicket;
import com.switchboard.channel.JmsDispatchQueue;
import com.switchboard.communication.CommunicationStatus;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.DynamoDispatchStateStore;
import com.switchboard.communication.DynamoDispatchStateStore.DispatchState;
import com.switchboard.communication.NewCommunication;
import com.switchboard.store.BatchWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * How an accepted communication reaches its queues. It is stored with a SCHEDULE item: due later
 * for a scheduled send, or due now and already claimed by this server for an immediate one, which
 * the request thread deletes once the tickets are queued; if this server dies first, the timer of
 * any server takes the item over when the claim's lease ends, so nothing accepted is left behind.
 * Sends of more than {@code fanout.threshold} recipients keep their recipients in fan-out chunks
 * and are queued chunk by chunk by {@link FanOutConsumer}, so the request answers at once.
 */
@ApplicationScoped
public class DispatchService {

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
    Clock clock;

    @Inject
    @ConfigProperty(name = "fanout.threshold", defaultValue = "500")
    int fanOutThreshold;

    @Inject
    @ConfigProperty(name = "fanout.chunk.size", defaultValue = "500")
    int chunkSize;

    /** Stores a validated communication and, unless it is due later, hands it to its queues; returns its status. */
    public CommunicationStatus accept(NewCommunication c) {
        Instant due = c.request().scheduledAt() == null ? null : Instant.parse(c.request().scheduledAt());
        boolean later = due != null && due.isAfter(clock.instant());
        Map<String, AttributeValue> schedule = later ? schedules.item(c.id(), due)
                : schedules.claimedItem(c.id(), server.id(), server.lease());
        int chunks = fanOut(c) ? DynamoFanOutStore.chunkCount(c.recipients().size(), chunkSize) : 0;
        if (chunks > 0) {
            List<Map<String, AttributeValue>> more = new ArrayList<>(fanOuts.chunkItems(c.id(), c.recipients(), chunkSize));
            more.add(schedule);
            store.createDetails(c, chunks, more);
        } else {
            store.create(c, List.of(schedule));
        }
        if (later) {
            return CommunicationStatus.Scheduled;
        }
        if (chunks > 0) {
            fanOutQueue.enqueue(c.id(), chunks);
        } else {
            queue.enqueue(c.recipients().stream().map(r -> new DeliveryTicket(c.id(), r.index(), r.channel())).toList());
            store.markDispatched(c.id(), clock.instant().toString());
        }
        schedules.delete(c.id());
        // a fanned-out send stays Scheduled until its consumer has queued the last chunk
        return chunks > 0 ? CommunicationStatus.Scheduled : CommunicationStatus.Sent;
    }

    /** Removes what {@link #accept} stored besides DETAILS and recipients, when a send is taken back. */
    public void forget(NewCommunication c) {
        schedules.delete(c.id());
        if (fanOut(c)) {
            batch.deleteAll(fanOuts.chunkKeys(c.id(), DynamoFanOutStore.chunkCount(c.recipients().size(), chunkSize)));
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
                queue.enqueue(dispatchStates.tickets(communicationId));
                store.markDispatched(communicationId, clock.instant().toString());
            }
        }
        schedules.delete(communicationId);
    }

    private boolean fanOut(NewCommunication c) {
        return c.recipients().size() > fanOutThreshold;
    }
}
