package com.switchboard.delivery;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Takes staff-alert tickets off {@code jms/queue/internal} (activation spec {@code switchboard/ejb-core/InternalConsumer}). */
@MessageDriven(
        name = "InternalConsumer",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class InternalConsumer extends DeliveryTicketConsumer {
    @Override
    protected String queueName() {
        return "internal";
    }
}
