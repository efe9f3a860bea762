package com.switchboard.channel.control;

import com.switchboard.channel.Channel;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.messaging.Jms;
import com.switchboard.queue.JmsDeadLetterQueue;
import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.JMSConsumer;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.QueueBrowser;
import java.util.Collection;
import java.util.Enumeration;
import java.util.stream.Collectors;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Counts a channel's messages and moves its dead letters back. Every queue dead-letters to the one
 * {@code deadletter} queue; the messaging engine stamps each parked message with the queue it came
 * from ({@code JMS_IBM_ExceptionProblemDestination}), which is how a channel's dead letters are told apart.
 */
@ApplicationScoped
public class JmsChannelQueues {
    static final String PROBLEM_DESTINATION = "JMS_IBM_ExceptionProblemDestination";
    /** At most this many tickets move per replay, so one call stays one reasonable transaction. */
    static final int REPLAY_BATCH = 1000;

    @Inject
    Jms jms;

    @Resource(lookup = "jms/queue/deadletter")
    Queue deadLetters;

    public long depth(Channel channel) {
        return count(queue(channel), null);
    }

    public long deadLetterDepth(Channel channel) {
        return count(deadLetters, fromQueue(channel));
    }

    /**
     * Takes up to {@link #REPLAY_BATCH} of the channel's tickets off the dead-letter queue and queues
     * each again as the attempt it was, in the caller's JTA transaction: a ticket is either back on
     * its queue or still parked, never lost or doubled.
     */
    public int replay(Channel channel) {
        return replay(channel, fromQueue(channel));
    }

    /** As {@link #replay(Channel)}, only the channel's dead letters among {@code messageIds}. */
    public int replay(Channel channel, Collection<String> messageIds) {
        if (messageIds.isEmpty()) {
            return 0;
        }
        String ids =
                messageIds.stream().map(id -> "'" + id.replace("'", "''") + "'").collect(Collectors.joining(","));
        return replay(channel, fromQueue(channel) + " AND JMSMessageID IN (" + ids + ")");
    }

    private int replay(Channel channel, String selector) {
        return jms.withContext("replay the dead letters of " + channel, context -> {
            int moved = 0;
            Queue target = queue(channel);
            try (JMSConsumer consumer = context.createConsumer(deadLetters, selector)) {
                for (Message m = consumer.receiveNoWait();
                        m != null;
                        m = moved < REPLAY_BATCH ? consumer.receiveNoWait() : null) {
                    // a copy of the ticket's own properties: a chunk keeps all its recipients, each ticket its attempt
                    Message ticket = context.createMessage();
                    Jms.copyProperties(m, ticket, DeliveryTicket.PROPERTIES);
                    context.createProducer().send(target, ticket);
                    moved++;
                }
            }
            return moved;
        });
    }

    private long count(Queue queue, String selector) {
        return jms.withContext("browse " + queue, context -> {
            try (QueueBrowser browser = context.createBrowser(queue, selector)) {
                // tickets, not messages: a chunk message carries several recipients
                long n = 0;
                for (Enumeration<?> e = browser.getEnumeration(); e.hasMoreElements(); ) {
                    String chunk = ((Message) e.nextElement()).getStringProperty(DeliveryTicket.RECIPIENT_INDEXES);
                    n += chunk == null ? 1 : chunk.split(",").length;
                }
                return n;
            }
        });
    }

    private static String fromQueue(Channel channel) {
        // moved by the engine at its redelivery limit, or parked by the consumer with the reason
        return "(" + PROBLEM_DESTINATION + " = '" + channel.queue() + "' OR " + JmsDeadLetterQueue.QUEUE + " = '"
                + channel.queue() + "')";
    }

    private static Queue queue(Channel channel) {
        try {
            return InitialContext.doLookup("jms/queue/" + channel.queue());
        } catch (NamingException e) {
            throw new IllegalStateException("no JMS queue for " + channel + ": " + e, e);
        }
    }
}
