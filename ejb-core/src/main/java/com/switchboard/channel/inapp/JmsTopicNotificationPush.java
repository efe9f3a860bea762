package com.switchboard.channel.inapp;

import com.switchboard.metering.CostMeter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.JMSRuntimeException;
import jakarta.jms.MapMessage;
import jakarta.jms.Message;
import jakarta.jms.Topic;

/**
 * Publishes each note on the {@code jms/topic/notifications} topic, to which every server
 * subscribes ({@link NotificationTopicConsumer}) and pushes to its own local sockets: a user
 * connected to server A gets what server B delivered. Non-persistent with a short time to live,
 * because a push is only a shortcut; the inbox is the record.
 * <p>
 * Inside the delivering MDB's transaction the publish is enlisted and happens at commit, that is
 * after the recipient was recorded {@code Sent}, so an immediate client ack finds it {@code Sent}.
 */
@ApplicationScoped
public class JmsTopicNotificationPush implements NotificationPush {
    private static final long TIME_TO_LIVE_MS = 60_000;

    @Resource(lookup = "jms/switchboard")
    ConnectionFactory connectionFactory;

    @Resource(lookup = "jms/topic/notifications")
    Topic notifications;

    @Inject
    CostMeter meter;

    @Override
    public void push(InboxNote note) {
        try (JMSContext context = connectionFactory.createContext()) {
            MapMessage m = context.createMapMessage();
            m.setString("userId", note.userId());
            m.setString("id", note.id());
            m.setString("communicationId", note.communicationId());
            m.setInt("recipientIndex", note.recipientIndex());
            m.setString("subject", note.subject());
            m.setString("text", note.text());
            m.setString("createdAt", note.createdAt());
            m.setString("state", note.state().name());
            context.createProducer().setDeliveryMode(DeliveryMode.NON_PERSISTENT).setTimeToLive(TIME_TO_LIVE_MS)
                    .send(notifications, m);
            meter.jmsSent("notifications", 1);
        } catch (JMSException e) {
            throw new JMSRuntimeException("could not publish note " + note.id() + ": " + e.getMessage(), e.getErrorCode(), e);
        }
    }

    /** The note a message published by {@link #push} carries. */
    static InboxNote read(Message message) throws JMSException {
        MapMessage m = (MapMessage) message;
        return new InboxNote(m.getString("userId"), m.getString("id"), m.getString("communicationId"),
                m.getInt("recipientIndex"), m.getString("subject"), m.getString("text"), m.getString("createdAt"),
                NoteState.valueOf(m.getString("state")), null, null);
    }
}
