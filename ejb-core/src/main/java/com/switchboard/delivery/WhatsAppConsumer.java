package com.switchboard.delivery;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Takes delivery tickets off {@code jms/queue/whatsapp} (activation spec {@code switchboard/ejb-core/WhatsAppConsumer}). */
@MessageDriven(
        name = "WhatsAppConsumer",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class WhatsAppConsumer extends DeliveryTicketConsumer {
    @Override
    protected String queueName() {
        return "whatsapp";
    }
}
