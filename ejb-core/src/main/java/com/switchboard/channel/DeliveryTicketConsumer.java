package com.switchboard.channel;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * What every channel's MDB does with a delivery ticket: hand it to the pipeline. A failure
 * propagates, so the container rolls the transaction back, the queue redelivers, and its
 * redelivery limit finally parks the message on the dead-letter queue. Nothing is caught and
 * dropped. A redelivered message counts as a further attempt of its ticket. Every log line of the
 * delivery carries the communication id ({@link CommunicationLogField}).
 */
public abstract class DeliveryTicketConsumer implements MessageListener {
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    @Inject
    DeliveryService deliveries;

    @Override
    public void onMessage(Message message) {
        try (CommunicationLogField logged = CommunicationLogField.of(message.getStringProperty(DeliveryTicket.COMMUNICATION_ID))) {
            int redeliveries = message.propertyExists(DELIVERY_COUNT) ? message.getIntProperty(DELIVERY_COUNT) - 1 : 0;
            int attempt = message.propertyExists(DeliveryTicket.ATTEMPT) ? message.getIntProperty(DeliveryTicket.ATTEMPT) : 1;
            deliveries.deliver(message.getStringProperty(DeliveryTicket.COMMUNICATION_ID),
                    message.getIntProperty(DeliveryTicket.RECIPIENT_INDEX), attempt + redeliveries);
        } catch (JMSException e) {
            throw new EJBException("unreadable delivery ticket", e);
        }
    }
}
