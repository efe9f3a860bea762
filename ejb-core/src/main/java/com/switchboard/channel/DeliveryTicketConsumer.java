package com.switchboard.channel;

import jakarta.annotation.Resource;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDrivenContext;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * What every channel's MDB does with a delivery ticket: hand it to the pipeline. A requested
 * redelivery rolls the transaction back (the queue redelivers after its interval); any other
 * failure propagates, so the container rolls back too and the queue's redelivery limit finally
 * parks the message on the dead-letter queue. Nothing is caught and dropped.
 */
public abstract class DeliveryTicketConsumer implements MessageListener {
    private static final String DELIVERY_COUNT = "JMSXDeliveryCount";

    @Inject
    DeliveryService deliveries;

    @Resource
    MessageDrivenContext context;

    @Override
    public void onMessage(Message message) {
        try {
            int deliveryCount = message.propertyExists(DELIVERY_COUNT) ? message.getIntProperty(DELIVERY_COUNT) : 1;
            deliveries.deliver(message.getStringProperty(DeliveryTicket.COMMUNICATION_ID),
                    message.getIntProperty(DeliveryTicket.RECIPIENT_INDEX), deliveryCount);
        } catch (DeliveryService.RedeliveryRequested later) {
            context.setRollbackOnly();
        } catch (JMSException e) {
            throw new EJBException("unreadable delivery ticket", e);
        }
    }
}
