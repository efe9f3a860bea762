package com.switchboard.delivery;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;

/** Takes delivery tickets off {@code jms/queue/sms} (activation spec {@code switchboard/ejb-core/SmsConsumer}). */
@MessageDriven(
        name = "SmsConsumer",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class SmsConsumer extends DeliveryTicketConsumer {
    @Override
    protected String queueName() {
        return "sms";
    }
}
