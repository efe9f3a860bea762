package com.switchboard.channel;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Puts delivery tickets on their channel's queue in one local JMS transaction: either every
 * recipient of a batch is queued, or none is and the caller learns it. Runs outside any JTA
 * transaction so the commit has happened when {@link #enqueue} returns.
 */
@ApplicationScoped
public class JmsDispatchQueue {

    @Resource(lookup = "jms/switchboard")
    ConnectionFactory connectionFactory;

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

    public void enqueue(List<DeliveryTicket> tickets) {
        Map<Channel, Queue> queues = queues();
        try (JMSContext context = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED)) {
            JMSProducer producer = context.createProducer();
            try {
                for (DeliveryTicket t : tickets) {
                    producer.send(queues.get(t.channel()), message(context, t, 1));
                }
                context.commit();
            } catch (jakarta.jms.JMSException e) {
                context.rollback();
                throw new jakarta.jms.JMSRuntimeException("could not queue deliveries: " + e.getMessage(), e.getErrorCode(), e);
            } catch (RuntimeException e) {
                context.rollback();
                throw e;
            }
        }
    }

    /**
     * Puts tickets on their queues as part of the caller's JTA transaction (a consumer's): they are
     * sent only if it commits, together with the acknowledgement of the message being consumed.
     */
    public void enqueueInTransaction(List<DeliveryTicket> tickets) {
        Map<Channel, Queue> queues = queues();
        try (JMSContext context = connectionFactory.createContext()) {
            JMSProducer producer = context.createProducer();
            for (DeliveryTicket t : tickets) {
                producer.send(queues.get(t.channel()), message(context, t, 1));
            }
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException("could not queue deliveries: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /**
     * Queues a ticket again as attempt {@code attempt}, to be delivered only after {@code delay}:
     * the back-off between deliveries that the queue's own redelivery does not give. Called from a
     * consumer, so the send joins the consumer's transaction and happens only if it commits.
     */
    public void retryLater(DeliveryTicket ticket, int attempt, Duration delay) {
        try (JMSContext context = connectionFactory.createContext()) {
            context.createProducer().setDeliveryDelay(delay.toMillis())
                    .send(queues().get(ticket.channel()), message(context, ticket, attempt));
        } catch (jakarta.jms.JMSException e) {
            throw new jakarta.jms.JMSRuntimeException("could not queue a retry: " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** A ticket as a JMS message: properties only, so consumers and operators read it without a body format. */
    private static Message message(JMSContext context, DeliveryTicket ticket, int attempt) throws jakarta.jms.JMSException {
        Message m = context.createMessage();
        m.setStringProperty(DeliveryTicket.COMMUNICATION_ID, ticket.communicationId());
        m.setIntProperty(DeliveryTicket.RECIPIENT_INDEX, ticket.recipientIndex());
        m.setIntProperty(DeliveryTicket.ATTEMPT, attempt);
        return m;
    }

    private Map<Channel, Queue> queues() {
        return new EnumMap<>(Map.of(Channel.Email, email, Channel.SMS, sms, Channel.WhatsApp, whatsapp, Channel.InApp, inapp,
                Channel.Internal, internal));
    }
}
