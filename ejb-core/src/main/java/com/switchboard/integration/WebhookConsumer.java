package com.switchboard.integration;

import com.switchboard.metering.CostMeter;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

/**
 * Takes webhook deliveries off {@code jms/queue/webhooks} (activation spec
 * {@code switchboard/ejb-core/WebhookConsumer}) and hands each to {@link WebhookDeliveryService}.
 * Anything unexpected rolls back, so the delivery is redelivered and finally dead-lettered.
 */
@MessageDriven(
        name = "WebhookConsumer",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class WebhookConsumer implements MessageListener {
    @Inject
    CostMeter meter;

    @Inject
    WebhookDeliveryService deliveries;

    @Override
    public void onMessage(Message message) {
        meter.jmsReceived("webhooks");
        try {
            deliveries.deliver(JmsWebhookQueue.read((TextMessage) message));
        } catch (JMSException | ClassCastException e) {
            throw new EJBException("unreadable webhook delivery", e);
        }
    }
}
