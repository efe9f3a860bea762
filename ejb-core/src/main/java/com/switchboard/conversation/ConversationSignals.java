package com.switchboard.conversation;

import com.switchboard.messaging.Jms;
import com.switchboard.metering.CostMeter;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Topic;
import java.util.Optional;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Tells every server's conversation pages that a thread changed: one non-persistent message with the
 * thread id on the notifications topic every server subscribes to (the in-app push's), read back
 * by its consumer through {@link #threadOf}. A signal is only a shortcut (the pages re-read, and
 * fall back to re-reading every 15 s), so when the topic cannot be reached only this server's pages
 * are told.
 */
@ApplicationScoped
public class ConversationSignals {
    private static final Logger LOG = Logger.getLogger(ConversationSignals.class.getName());
    static final String PROPERTY = "conversation";
    private static final long TIME_TO_LIVE_MS = 60_000;

    @Resource(lookup = "jms/topic/notifications")
    Topic notifications;

    @Inject
    Jms jms;

    @Inject
    CostMeter meter;

    @Inject
    ConversationWatchers watchers;

    void received(@Observes InboundReceived e) {
        changed(e.thread().id());
    }

    public void changed(String threadId) {
        try {
            jms.publishForPush("signal a conversation", (context, producer) -> { // no number in a log line
                Message m = context.createMessage();
                m.setStringProperty(PROPERTY, threadId);
                producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT)
                        .setTimeToLive(TIME_TO_LIVE_MS)
                        .send(notifications, m);
            });
            meter.jmsSent("notifications", 1);
        } catch (RuntimeException e) {
            LOG.log(Level.FINE, "conversation signal not published; telling this server's pages only", e);
            watchers.changed(threadId);
        }
    }

    /** The thread a topic message signals, if it is a conversation signal (not in-app notes). */
    public static Optional<String> threadOf(Message message) throws JMSException {
        return Optional.ofNullable(message.getStringProperty(PROPERTY));
    }
}
