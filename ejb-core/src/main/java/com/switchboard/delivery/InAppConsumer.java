package com.switchboard.delivery;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Takes delivery tickets off {@code jms/queue/inapp} (activation spec {@code switchboard/ejb-core/InAppConsumer}). */
@MessageDriven(
        name = "InAppConsumer",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class InAppConsumer extends DeliveryTicketConsumer {
    @Override
    protected String queueName() {
        return "inapp";
    }
}
