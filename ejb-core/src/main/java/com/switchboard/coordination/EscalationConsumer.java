package com.switchboard.coordination;

import com.switchboard.channel.CommunicationLogField;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.metering.CostMeter;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * Takes due escalation checks off {@code jms/queue/escalation} (activation spec
 * {@code switchboard/ejb-core/EscalationConsumer}) and hands them to {@link FallbackService}.
 * A failure rolls back, so the check is redelivered and finally dead-lettered, never dropped.
 */
@MessageDriven(
        name = "EscalationConsumer",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Queue")
        })
public class EscalationConsumer implements MessageListener {
    @Inject
    CostMeter meter;

    @Inject
    FallbackService fallbacks;

    @Override
    public void onMessage(Message message) {
        meter.jmsReceived("escalation");
        try (CommunicationLogField logged =
                CommunicationLogField.of(message.getStringProperty(DeliveryTicket.COMMUNICATION_ID))) {
            fallbacks.escalate(
                    message.getStringProperty(DeliveryTicket.COMMUNICATION_ID),
                    message.getIntProperty(DeliveryTicket.RECIPIENT_INDEX));
        } catch (JMSException e) {
            throw new EJBException("unreadable escalation check", e);
        }
    }
}
