package com.switchboard.channel.inapp;

import com.switchboard.conversation.ConversationSignals;
import com.switchboard.conversation.ConversationWatchers;
import com.switchboard.metering.CostMeter;
import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.EJBException;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;

/**
 * This server's non-durable subscription to {@code jms/topic/notifications} (activation spec
 * {@code switchboard/ejb-core/NotificationTopicConsumer}): every server gets every note and pushes
 * it to the sockets its users hold here; a conversation signal goes to this server's conversation
 * pages. No transaction: a push is not worth redelivering, the
 * inbox holds the note.
 */
@MessageDriven(
        name = "NotificationTopicConsumer",
        activationConfig = {
            @ActivationConfigProperty(propertyName = "destinationType", propertyValue = "jakarta.jms.Topic")
        })
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class NotificationTopicConsumer implements MessageListener {
    @Inject
    CostMeter meter;

    @Inject
    LocalNotificationSessions sessions;

    @Inject
    ConversationWatchers conversations;

    @Override
    public void onMessage(Message message) {
        meter.jmsReceived("notifications");
        try {
            var thread = ConversationSignals.threadOf(message);
            if (thread.isPresent()) {
                conversations.changed(thread.get());
            } else {
                JmsTopicNotificationPush.read(message).forEach(sessions::deliver);
            }
        } catch (JMSException e) {
            throw new EJBException("unreadable notification", e);
        }
    }
}
