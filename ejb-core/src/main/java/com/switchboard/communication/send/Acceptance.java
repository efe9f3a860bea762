package com.switchboard.communication.send;

import com.switchboard.communication.CommunicationStatus;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.NewCommunication;
import com.switchboard.communication.RecipientChunks;
import com.switchboard.queue.JmsDispatchQueue;
import com.switchboard.scheduling.DynamoFanOutStore;
import com.switchboard.scheduling.DynamoScheduleStore;
import com.switchboard.scheduling.FanOutConsumer;
import com.switchboard.scheduling.JmsFanOutQueue;
import com.switchboard.scheduling.ScheduleCleanup;
import com.switchboard.scheduling.SchedulerBackoff;
import com.switchboard.scheduling.ServerIdentity;
import com.switchboard.store.BatchWriter;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Accepting a validated communication as one unit: it is stored with a SCHEDULE item (due later for
 * a scheduled send, or due now and already claimed by this server for an immediate one, which
 * {@link ScheduleCleanup} deletes shortly after the tickets are queued), queued unless due later, and
 * all of it taken back when a step fails, so the caller's retry starts clean. If this server dies
 * after storing, the timer of any server takes the item over when the claim's lease ends, so nothing
 * accepted is left behind. Sends of more than {@code fanout.threshold} recipients keep their
 * recipients in fan-out chunks and are queued chunk by chunk by {@link FanOutConsumer}, so the
 * request answers at once.
 */
@ApplicationScoped
public class Acceptance {
    private static final Logger LOG = Logger.getLogger(Acceptance.class.getName());

    @Inject
    DynamoCommunicationStore store;

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
    SchedulerBackoff backoff;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "fanout.threshold", defaultValue = "500")
    int fanOutThreshold;

    @Inject
    @ConfigProperty(name = "fanout.chunk.size", defaultValue = "500")
    int chunkSize;

    /**
     * Stores {@code c} and, unless it is due later, hands it to its queues; returns its status. When
     * any step fails, what was stored is deleted again before the exception reaches the caller.
     */
    public CommunicationStatus accept(NewCommunication c) {
        try {
            return storeAndQueue(c);
        } catch (RuntimeException e) {
            takeBack(c, e);
            throw e;
        }
    }

    private CommunicationStatus storeAndQueue(NewCommunication c) {
        Instant due = c.request().scheduledAt() == null
                ? null
                : Instant.parse(c.request().scheduledAt());
        boolean later = due != null && due.isAfter(clock.instant());
        int chunks = fanOut(c) ? DynamoFanOutStore.chunkCount(c.recipients().size(), chunkSize()) : 0;
        Map<String, AttributeValue> schedule = !later
                ? schedules.claimedItem(c.id(), server.id(), server.lease())
                : chunks > 0 ? schedules.item(c.id(), due) : schedules.item(c.id(), due, tickets(c));
        if (chunks > 0) {
            List<Map<String, AttributeValue>> more =
                    new ArrayList<>(fanOuts.chunkItems(c.id(), c.createdAt(), c.recipients(), chunkSize()));
            more.add(schedule);
            store.createDetails(c, chunks, more);
        } else {
            store.create(
                    c,
                    List.of(schedule),
                    later ? null : server.id()); // queued at once below: this server owns its chunks
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

    /** Deletes the communication with its schedule and fan-out chunks; a failure here is logged, the first one thrown. */
    private void takeBack(NewCommunication c, RuntimeException cause) {
        try {
            store.delete(c);
            schedules.delete(c.id());
            if (fanOut(c)) {
                batch.deleteAll(fanOuts.chunkKeys(
                        c.id(), DynamoFanOutStore.chunkCount(c.recipients().size(), chunkSize())));
            }
        } catch (RuntimeException e) {
            cause.addSuppressed(e);
            LOG.log(Level.WARNING, "could not take back communication " + c.id() + " after a failed accept", e);
        }
    }

    /** Whole recipient chunks per fan-out chunk: its recipients are written as chunk items, which two fan-out chunks must not share. */
    private int chunkSize() {
        int whole = RecipientChunks.SIZE;
        return Math.max(whole, (chunkSize + whole - 1) / whole * whole);
    }

    private static List<DeliveryTicket> tickets(NewCommunication c) {
        return c.recipients().stream()
                .map(r -> new DeliveryTicket(c.id(), r.index(), r.channel()))
                .toList();
    }

    private boolean fanOut(NewCommunication c) {
        return c.recipients().size() > fanOutThreshold;
    }
}
