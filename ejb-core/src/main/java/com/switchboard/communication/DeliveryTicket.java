package com.switchboard.communication;

import com.switchboard.channel.Channel;
import java.util.List;

/**
 * Which recipient of which communication to deliver. {@code JmsDispatchQueue} puts the tickets of
 * one communication and channel on the queue in chunks, one JMS message per chunk.
 */
public record DeliveryTicket(String communicationId, int recipientIndex, Channel channel) {
    public static final String COMMUNICATION_ID = "communicationId";
    public static final String RECIPIENT_INDEX = "recipientIndex";
    /**
     * The recipients of a message carrying a chunk of tickets (same communication and channel), as
     * comma-separated indexes; {@link #RECIPIENT_INDEX} then names the first. Absent on a single ticket.
     */
    public static final String RECIPIENT_INDEXES = "recipientIndexes";
    /** Which attempt a ticket is: 1 when first queued, more when queued again after a transient failure. */
    public static final String ATTEMPT = "attempt";
    /**
     * When the tickets first met an open circuit (epoch milliseconds): they wait for the provider
     * without spending attempts, up to {@code delivery.circuit.max.wait.ms} from then.
     */
    public static final String WAITING_SINCE = "waitingSince";
    /**
     * When a requeued copy's original was queued (epoch milliseconds), so the copy is delivered as
     * queued then; a message without it was queued at its {@code JMSTimestamp}.
     */
    public static final String QUEUED_AT = "queuedAt";

    /** Every property a ticket message carries: what a requeued or parked copy must keep. */
    public static final List<String> PROPERTIES =
            List.of(COMMUNICATION_ID, RECIPIENT_INDEX, RECIPIENT_INDEXES, ATTEMPT, WAITING_SINCE, QUEUED_AT);
}
