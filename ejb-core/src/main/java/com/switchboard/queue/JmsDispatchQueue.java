package com.switchboard.queue;

import com.switchboard.channel.Channel;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.communication.RecipientChunks;
import com.switchboard.messaging.Jms;
import com.switchboard.metering.CostMeter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Puts delivery tickets on their channel's queue in one local JMS transaction: either every
 * recipient of a batch is queued, or none is and the caller learns it. Runs outside any JTA
 * transaction so the commit has happened when {@link #enqueue} returns. Tickets of the same
 * communication and channel travel together, one message per recipient chunk ({@link RecipientChunks}):
 * a consumer then reads, sends and records a chunk with a few DynamoDB requests, and the
 * messaging engine stores and acknowledges one message instead of one per recipient.
 */
@ApplicationScoped
public class JmsDispatchQueue {

    @Resource(lookup = "jms/queue/email")
    Queue email;

    @Resource(lookup = "jms/queue/sms")
    Queue sms;

    @Resource(lookup = "jms/queue/whatsapp")
    Queue whatsapp;

    @Resource(lookup = "jms/queue/inapp")
    Queue inapp;

    @Resource(lookup = "jms/queue/internal")
    Queue internal;

    @Inject
    CostMeter meter;

    @Inject
    Jms jms;

    public void enqueue(List<DeliveryTicket> tickets) {
        Map<Channel, Queue> queues = queues();
        jms.sendAllOrNothing("queue deliveries", (context, producer) -> {
            for (List<DeliveryTicket> chunk : chunks(tickets)) {
                producer.send(queues.get(chunk.get(0).channel()), message(context, chunk, 1));
                meter.jmsSent(queueName(chunk), 1);
            }
        });
    }

    /**
     * Puts tickets on their queues as part of the caller's JTA transaction (a consumer's): they are
     * sent only if it commits, together with the acknowledgement of the message being consumed.
     */
    public void enqueueInTransaction(List<DeliveryTicket> tickets) {
        Map<Channel, Queue> queues = queues();
        jms.send("queue deliveries", (context, producer) -> {
            for (List<DeliveryTicket> chunk : chunks(tickets)) {
                producer.send(queues.get(chunk.get(0).channel()), message(context, chunk, 1));
                meter.jmsSent(queueName(chunk), 1);
            }
        });
    }

    /**
     * Queues a ticket again as attempt {@code attempt}, to be delivered only after {@code delay}:
     * the back-off between deliveries that the queue's own redelivery does not give. Called from a
     * consumer, so the send joins the consumer's transaction and happens only if it commits.
     */
    public void retryLater(DeliveryTicket ticket, int attempt, Duration delay) {
        sendLater(List.of(ticket), attempt, null, delay);
    }

    /**
     * Queues tickets that met an open circuit again, unchanged in attempt, due after {@code delay},
     * remembering since when they wait. Joins the caller's (a consumer's) transaction like
     * {@link #retryLater}.
     */
    public void waitForCircuit(List<DeliveryTicket> tickets, int attempt, Instant waitingSince, Duration delay) {
        sendLater(tickets, attempt, waitingSince, delay);
    }

    /** Sends tickets in chunks, due after {@code delay}, in the caller's transaction when there is one. */
    private void sendLater(List<DeliveryTicket> tickets, int attempt, Instant waitingSince, Duration delay) {
        Map<Channel, Queue> queues = queues();
        jms.send("queue tickets for later", (context, producer) -> {
            producer.setDeliveryDelay(delay.toMillis());
            for (List<DeliveryTicket> chunk : chunks(tickets)) {
                Message m = message(context, chunk, attempt);
                if (waitingSince != null) {
                    m.setLongProperty(DeliveryTicket.WAITING_SINCE, waitingSince.toEpochMilli());
                }
                producer.send(queues.get(chunk.get(0).channel()), m);
                meter.jmsSent(queueName(chunk), 1);
            }
        });
    }

    /**
     * Puts a copy of a consumed ticket back on the queue it came from, due after {@code delay}, in
     * the caller's (a consumer's) transaction: the ticket waits out an outage of our own store
     * without spending its deliveries or its attempts.
     */
    public void requeueLater(Message ticket, Duration delay) {
        jms.send("requeue a ticket", (context, producer) -> {
            Message copy = context.createMessage();
            Jms.copyProperties(ticket, copy, DeliveryTicket.PROPERTIES);
            if (!ticket.propertyExists(DeliveryTicket.QUEUED_AT)) {
                copy.setLongProperty(DeliveryTicket.QUEUED_AT, ticket.getJMSTimestamp());
            }
            producer.setDeliveryDelay(delay.toMillis()).send(ticket.getJMSDestination(), copy);
            meter.jmsSent("requeued", 1);
        });
    }

    /**
     * The tickets grouped by communication, channel and recipient chunk, in order: one message's
     * recipients are read and moved with one request each ({@link RecipientChunks}).
     */
    private static List<List<DeliveryTicket>> chunks(List<DeliveryTicket> tickets) {
        Map<String, List<DeliveryTicket>> groups = new LinkedHashMap<>();
        for (DeliveryTicket t : tickets) {
            groups.computeIfAbsent(
                            t.communicationId() + " " + t.channel() + " " + RecipientChunks.chunkOf(t.recipientIndex()),
                            k -> new ArrayList<>())
                    .add(t);
        }
        return new ArrayList<>(groups.values());
    }

    /**
     * Tickets of one communication and channel as a JMS message: properties only, so consumers and
     * operators read it without a body format.
     */
    private static Message message(JMSContext context, List<DeliveryTicket> chunk, int attempt)
            throws jakarta.jms.JMSException {
        Message m = context.createMessage();
        m.setStringProperty(DeliveryTicket.COMMUNICATION_ID, chunk.get(0).communicationId());
        m.setIntProperty(DeliveryTicket.RECIPIENT_INDEX, chunk.get(0).recipientIndex());
        if (chunk.size() > 1) {
            m.setStringProperty(
                    DeliveryTicket.RECIPIENT_INDEXES,
                    chunk.stream()
                            .map(t -> Integer.toString(t.recipientIndex()))
                            .collect(Collectors.joining(",")));
        }
        m.setIntProperty(DeliveryTicket.ATTEMPT, attempt);
        return m;
    }

    private static String queueName(List<DeliveryTicket> chunk) {
        return chunk.get(0).channel().name().toLowerCase(java.util.Locale.ROOT);
    }

    private Map<Channel, Queue> queues() {
        return new EnumMap<>(Map.of(
                Channel.Email,
                email,
                Channel.SMS,
                sms,
                Channel.WhatsApp,
                whatsapp,
                Channel.InApp,
                inapp,
                Channel.Internal,
                internal));
    }
}
