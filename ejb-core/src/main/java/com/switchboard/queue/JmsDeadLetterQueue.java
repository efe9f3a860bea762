package com.switchboard.queue;

import com.switchboard.channel.LogSafe;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.messaging.Jms;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code deadletter} queue seen from the code: a consumer parks a ticket it has failed on for
 * the last time together with the reason (the messaging engine, moving a message on its own after
 * the redelivery limit, records no reason of ours), and operators browse what is parked.
 */
@ApplicationScoped
public class JmsDeadLetterQueue {
    public static final String QUEUE = "failedQueue";
    static final String REASON = "failureReason";
    static final String DELIVERIES = "deliveries";
    static final String PARKED_AT = "parkedAt";
    /** What the messaging engine itself records on a message it moved to the exception destination. */
    private static final String ENGINE_REASON = "JMS_IBM_ExceptionMessage";

    private static final String ENGINE_QUEUE = "JMS_IBM_ExceptionProblemDestination";
    private static final int MAX_REASON = 500;

    @Inject
    Jms jms;

    @Resource(lookup = "jms/queue/deadletter")
    Queue deadLetters;

    @Inject
    Clock clock;

    /**
     * Puts a copy of {@code failed} with the reason on the dead-letter queue, in the caller's
     * transaction (a consumer's): it is parked exactly when the failed message is consumed.
     */
    public void park(Message failed, int deliveries, Throwable reason) {
        jms.send("park a failed ticket", (context, producer) -> {
            Message parked = context.createMessage();
            Jms.copyProperties(failed, parked, DeliveryTicket.PROPERTIES);
            // the queue's name, as the engine's own JMS_IBM_ExceptionProblemDestination gives it, so one selector finds
            // both
            parked.setStringProperty(
                    QUEUE,
                    failed.getJMSDestination() instanceof Queue q
                            ? q.getQueueName()
                            : String.valueOf(failed.getJMSDestination()));
            parked.setIntProperty(DELIVERIES, deliveries);
            parked.setStringProperty(REASON, abbreviate(LogSafe.redact(String.valueOf(reason))));
            parked.setStringProperty(PARKED_AT, Instant.now(clock).toString());
            producer.send(deadLetters, parked);
        });
    }

    /** The oldest {@code limit} parked messages, oldest first. */
    public List<DeadLetter> browse(int limit) {
        return jms.withContext("browse the dead-letter queue", context -> {
            List<DeadLetter> found = new ArrayList<>();
            try (QueueBrowser browser = context.createBrowser(deadLetters)) {
                for (Object m : Collections.list(browser.getEnumeration())) {
                    if (found.size() >= limit) {
                        break;
                    }
                    found.add(deadLetter((Message) m));
                }
            }
            return found;
        });
    }

    private static DeadLetter deadLetter(Message m) throws JMSException {
        return new DeadLetter(
                m.getJMSMessageID(),
                text(m, DeliveryTicket.COMMUNICATION_ID),
                integer(m, DeliveryTicket.RECIPIENT_INDEX),
                m.propertyExists(QUEUE) ? text(m, QUEUE) : text(m, ENGINE_QUEUE),
                m.propertyExists(DELIVERIES) ? integer(m, DELIVERIES) : integer(m, "JMSXDeliveryCount"),
                m.propertyExists(REASON) ? text(m, REASON) : text(m, ENGINE_REASON),
                text(m, PARKED_AT));
    }

    private static String text(Message m, String name) throws JMSException {
        return m.propertyExists(name) ? String.valueOf(m.getObjectProperty(name)) : null;
    }

    private static Integer integer(Message m, String name) throws JMSException {
        Object v = m.propertyExists(name) ? m.getObjectProperty(name) : null;
        return v instanceof Number n ? n.intValue() : null;
    }

    private static String abbreviate(String s) {
        return s.length() <= MAX_REASON ? s : s.substring(0, MAX_REASON) + "…";
    }
}
