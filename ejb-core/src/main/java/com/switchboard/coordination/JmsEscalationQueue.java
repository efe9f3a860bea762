package com.switchboard.coordination;

import com.switchboard.communication.DeliveryTicket;
import com.switchboard.messaging.Jms;
import com.switchboard.metering.CostMeter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import java.time.Duration;

/**
 * Schedules escalation checks as JMS messages on {@code jms/queue/escalation} with a delivery
 * delay of the communication's {@code escalateAfter}: the messaging engine's file store keeps them
 * across restarts, and no timer per recipient is held in memory. Called from a consumer, the send
 * joins its transaction.
 */
@ApplicationScoped
public class JmsEscalationQueue {

    @Resource(lookup = "jms/queue/escalation")
    Queue escalation;

    @Inject
    CostMeter meter;

    @Inject
    Jms jms;

    public void checkLater(String communicationId, int index, Duration after) {
        jms.send("schedule an escalation", (context, producer) -> {
            Message m = context.createMessage();
            m.setStringProperty(DeliveryTicket.COMMUNICATION_ID, communicationId);
            m.setIntProperty(DeliveryTicket.RECIPIENT_INDEX, index);
            producer.setDeliveryDelay(after.toMillis()).send(escalation, m);
        });
        meter.jmsSent("escalation", 1);
    }
}
