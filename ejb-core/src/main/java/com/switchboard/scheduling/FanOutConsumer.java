package com.switchboard.scheduling;

import com.switchboard.channel.CommunicationLogField;
import com.switchboard.metering.CostMeter;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes fan-out chunk messages off {@code jms/queue/fanout} (activation spec
 * {@code switchboard/ejb-core/FanOutConsumer}). A failure rolls back, so the chunk is redelivered
 * and finally parked on the dead-letter queue.
 */
@MessageDriven(
        name = "FanOutConsumer",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class FanOutConsumer implements MessageListener {
    @Inject
    CostMeter meter;

    @Inject
    FanOutService fanOut;

    @Override
    public void onMessage(Message message) {
        meter.jmsReceived("fanout");
        try (CommunicationLogField logged =
                CommunicationLogField.of(message.getStringProperty(JmsFanOutQueue.COMMUNICATION_ID))) {
            fanOut.dispatchChunk(
                    message.getStringProperty(JmsFanOutQueue.COMMUNICATION_ID),
                    message.getIntProperty(JmsFanOutQueue.CHUNK),
                    message.getJMSRedelivered());
        } catch (JMSException e) {
            throw new EJBException("unreadable fan-out message", e);
        }
    }
}
