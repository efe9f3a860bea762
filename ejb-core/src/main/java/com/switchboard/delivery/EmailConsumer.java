package com.switchboard.delivery;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Takes delivery tickets off {@code jms/queue/email} (activation spec {@code switchboard/ejb-core/EmailConsumer}). */
@MessageDriven(
        name = "EmailConsumer",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class EmailConsumer extends DeliveryTicketConsumer {
    @Override
    protected String queueName() {
        return "email";
    }
}
