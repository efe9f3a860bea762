package com.switchboard.channel;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSProducer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
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

    public void enqueue(List<DeliveryTicket> tickets) {
        Map<Channel, Queue> queues = new EnumMap<>(Map.of(Channel.Email, email, Channel.SMS, sms,
                Channel.WhatsApp, whatsapp, Channel.InApp, inapp));
        try (JMSContext context = connectionFactory.createContext(JMSContext.SESSION_TRANSACTED)) {
            JMSProducer producer = context.createProducer();
            try {
                for (DeliveryTicket t : tickets) {
                    Message m = context.createMessage();
                    m.setStringProperty(DeliveryTicket.COMMUNICATION_ID, t.communicationId());
                    m.setIntProperty(DeliveryTicket.RECIPIENT_INDEX, t.recipientIndex());
                    producer.send(queues.get(t.channel()), m);
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
}
