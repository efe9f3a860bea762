package com.switchboard.scheduling;

import com.switchboard.communication.DeliveryTicket;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.DynamoDispatchStateStore;
import com.switchboard.communication.NewCommunication;
import com.switchboard.queue.JmsDispatchQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Optional;

/**
 * Queues one fan-out chunk of a big send inside the consumer's transaction: writes its recipients
 * (Pending), puts their tickets on the channel queues and counts them as dispatched on DETAILS;
 * the chunk that completes the count moves the communication to Sent. The tickets and the
 * acknowledgement of the chunk message commit together, so a chunk message seen again never had
 * its tickets sent, and is queued again; a second message for a chunk already counted (a
 * dispatch recovered by the scheduler) is dropped.
 */
@ApplicationScoped
public class FanOutService {

    @Inject
    DynamoFanOutStore fanOuts;

    @Inject
    DynamoCommunicationStore store;

    @Inject
    DynamoDispatchStateStore dispatchStates;

    @Inject
    JmsDispatchQueue queue;

    @Inject
    Clock clock;

    @Inject
    ServerIdentity server;

    public void dispatchChunk(String communicationId, int chunk, boolean redelivered) {
        List<NewCommunication.Planned> recipients = fanOuts.chunk(communicationId, chunk);
        if (recipients.isEmpty()) {
            throw new IllegalStateException("no fan-out chunk " + chunk + " for communication " + communicationId);
        }
        Optional<Long> counted = dispatchStates.countDispatched(communicationId, chunk, recipients.size());
        if (counted.isEmpty() && !redelivered) {
            return;
        }
        String now = clock.instant().toString();
        store.putRecipients(communicationId, recipients, now, server.id()); // this server's queue takes their tickets
        queue.enqueueInTransaction(recipients.stream()
                .map(r -> new DeliveryTicket(communicationId, r.index(), r.channel()))
                .toList());
        var state = dispatchStates.dispatchState(communicationId).orElseThrow();
        if (state.dispatched() >= state.recipientCount()) {
            store.markDispatched(communicationId, now);
        }
    }
}
