package com.switchboard.delivery;

import com.switchboard.channel.CommunicationLogField;
import com.switchboard.channel.LogSafe;
import com.switchboard.channel.control.InFlight;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.metering.CostMeter;
import com.switchboard.queue.JmsDeadLetterQueue;
import com.switchboard.queue.JmsDispatchQueue;
import com.switchboard.store.StoreOutage;
import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every channel's MDB does with a message of delivery tickets (one, or a chunk of one
 * communication's recipients): hand it to the pipeline. A failure propagates, so the container
 * rolls the transaction back and the queue redelivers; on the last delivery the queue allows
 * ({@code jms.max.redelivery}) the message is parked on the dead-letter queue with the reason
 * instead, so operators see why (the engine's own move records none). If parking fails too, the
 * rollback still lets the queue's limit move it. Nothing is dropped. A redelivered message counts
 * as a further attempt of its tickets; those already settled are skipped. While DynamoDB is
 * unavailable the message is queued again after {@code delivery.store.retry.delay.ms} instead:
 * redeliveries follow each other at once, so a short outage would otherwise dead-letter every
 * ticket in flight. Every log line of the delivery carries the communication id
 * ({@link CommunicationLogField}).
 */
public abstract class DeliveryTicketConsumer implements MessageListener {
    private static final Logger LOG = Logger.getLogger(DeliveryTicketConsumer.class.getName());
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    @Inject
    DeliveryService deliveries;

    @Inject
    JmsDeadLetterQueue deadLetters;

    @Inject
    JmsDispatchQueue queue;

    @Inject
    CostMeter meter;

    @Inject
    InFlight inFlight;

    @Inject
    @ConfigProperty(name = "jms.max.redelivery", defaultValue = "5")
    int maxDeliveries;

    @Inject
    @ConfigProperty(name = "delivery.store.retry.delay.ms", defaultValue = "10000")
    long storeRetryDelayMillis;

    @Override
    public void onMessage(Message message) {
        inFlight.started(queueName());
        try {
            consume(message);
        } finally {
            inFlight.ended(queueName());
        }
    }

    private void consume(Message message) {
        int delivery = deliveryCount(message);
        meter.jmsReceived(queueName());
        try (CommunicationLogField logged =
                CommunicationLogField.of(message.getStringProperty(DeliveryTicket.COMMUNICATION_ID))) {
            int attempt =
                    message.propertyExists(DeliveryTicket.ATTEMPT) ? message.getIntProperty(DeliveryTicket.ATTEMPT) : 1;
            Instant waitingSince = message.propertyExists(DeliveryTicket.WAITING_SINCE)
                    ? Instant.ofEpochMilli(message.getLongProperty(DeliveryTicket.WAITING_SINCE))
                    : null;
            Instant queuedAt = Instant.ofEpochMilli(
                    message.propertyExists(DeliveryTicket.QUEUED_AT)
                            ? message.getLongProperty(DeliveryTicket.QUEUED_AT)
                            : message.getJMSTimestamp());
            deliveries.deliver(
                    message.getStringProperty(DeliveryTicket.COMMUNICATION_ID),
                    indexes(message),
                    attempt + delivery - 1,
                    waitingSince,
                    queuedAt);
        } catch (RuntimeException e) {
            if (StoreOutage.isOutage(e)) {
                LOG.warning(() -> "DynamoDB unavailable; ticket queued again in " + storeRetryDelayMillis + " ms: "
                        + e.getMessage());
                queue.requeueLater(message, Duration.ofMillis(storeRetryDelayMillis));
                return;
            }
            failed(message, delivery, e);
        } catch (JMSException e) {
            failed(message, delivery, e);
        }
    }

    /** The queue this consumer takes tickets from, for the JMS message counts. */
    protected abstract String queueName();

    /** Rolls back so the queue redelivers; on the last delivery it allows, parks the ticket with the reason. */
    private void failed(Message message, int delivery, Exception e) {
        LOG.log(
                Level.WARNING,
                "delivery " + delivery + " of " + maxDeliveries + " of a ticket failed: "
                        + LogSafe.redact(e.toString()));
        if (delivery < maxDeliveries) {
            throw e instanceof RuntimeException r ? r : new EJBException("unreadable delivery ticket", e);
        }
        deadLetters.park(message, delivery, e);
    }

    private static int deliveryCount(Message message) {
        try {
            return message.propertyExists(DELIVERY_COUNT) ? message.getIntProperty(DELIVERY_COUNT) : 1;
        } catch (JMSException | RuntimeException unreadable) {
            return 1;
        }
    }

    private static List<Integer> indexes(Message message) throws JMSException {
        String chunk = message.getStringProperty(DeliveryTicket.RECIPIENT_INDEXES);
        if (chunk == null) {
            return List.of(message.getIntProperty(DeliveryTicket.RECIPIENT_INDEX));
        }
        return Arrays.stream(chunk.split(",")).map(Integer::valueOf).toList();
    }
}
