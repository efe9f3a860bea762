package com.switchboard.channel;

import jakarta.ejb.EJBException;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import java.util.Arrays;
import java.util.List;

/**
 * What every channel's MDB does with a message of delivery tickets (one, or a chunk of one
 * communication's recipients): hand it to the pipeline. A failure propagates, so the container
 * rolls the transaction back, the queue redelivers, and its redelivery limit finally parks the
 * message on the dead-letter queue. Nothing is caught and dropped. A redelivered message counts
 * as a further attempt of its tickets; those already settled are skipped.
 */
public abstract class DeliveryTicketConsumer implements MessageListener {
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    @Inject
    DeliveryService deliveries;

    @Override
    public void onMessage(Message message) {
        try {
            int redeliveries = message.propertyExists(DELIVERY_COUNT) ? message.getIntProperty(DELIVERY_COUNT) - 1 : 0;
            int attempt = message.propertyExists(DeliveryTicket.ATTEMPT) ? message.getIntProperty(DeliveryTicket.ATTEMPT) : 1;
            deliveries.deliver(message.getStringProperty(DeliveryTicket.COMMUNICATION_ID), indexes(message),
                    attempt + redeliveries);
        } catch (JMSException | NumberFormatException e) {
            throw new EJBException("unreadable delivery ticket", e);
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
