package com.switchboard.channel.control;

import com.switchboard.audit.Audited;
import com.switchboard.channel.Channel;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;

/**
 * The operator's actions on a channel, behind the channel MBeans. An EJB, so a call arriving on a
 * JMX connector thread runs with the application's context and, for a replay, in one JTA
 * transaction. The pause state is written to DynamoDB first, then applied to this server's
 * consumer; the other servers apply it on their next {@link #applyStoredPauses()}.
 */
@Stateless
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChannelOperations {
    private static final Logger LOG = Logger.getLogger(ChannelOperations.class.getName());

    @Inject
    MessageEndpoints endpoints;

    @Inject
    JmsChannelQueues queues;

    @Inject
    DynamoChannelPauseStore pauses;

    @Inject
    Clock clock;

    @Inject
    InFlight inFlight;

    @Audited("channel.pause")
    public void pause(Channel channel) {
        pauses.save(channel, true, Instant.now(clock).toString());
        endpoints.pause(channel);
        LOG.info(() -> channel + " paused by an operator: its messages are held on queue " + channel.queue());
    }

    @Audited("channel.resume")
    public void resume(Channel channel) {
        pauses.save(channel, false, Instant.now(clock).toString());
        endpoints.resume(channel);
        LOG.info(() -> channel + " resumed by an operator");
    }

    public boolean paused(Channel channel) {
        return endpoints.paused(channel);
    }

    public long queueDepth(Channel channel) {
        return queues.depth(channel);
    }

    /** Messages of the channel this server's consumers are delivering right now. */
    public int inFlight(Channel channel) {
        return inFlight.of(channel.queue());
    }

    public long deadLetterDepth(Channel channel) {
        return queues.deadLetterDepth(channel);
    }

    @Audited("channel.replay-dead-letters")
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int replayDeadLetters(Channel channel) {
        int moved = queues.replay(channel);
        LOG.info(() -> moved + " dead-lettered " + channel + " tickets queued again by an operator");
        return moved;
    }

    /** Queues the chosen dead letters (by message id, of any channel) again, in one JTA transaction; how many moved. */
    @Audited("channel.replay-selected-dead-letters")
    @TransactionAttribute(TransactionAttributeType.REQUIRED)
    public int replayDeadLetters(List<String> messageIds) {
        int moved = 0;
        for (Channel channel : Channel.values()) {
            moved += queues.replay(channel, messageIds);
        }
        int total = moved;
        LOG.info(() -> total + " chosen dead-lettered tickets queued again by an operator");
        return total;
    }

    /**
     * Brings this server's consumers in line with the stored pause state (another server's pause, a
     * restart). A stored pause is applied whenever the endpoint runs; a stored resume only lifts a
     * pause this application made, never the one Liberty holds while the server is starting.
     */
    public void applyStoredPauses() {
        try {
            Map<Channel, Boolean> stored = pauses.pausedAll();
            for (Channel channel : Channel.values()) {
                boolean wanted = stored.getOrDefault(channel, false);
                if (wanted && !endpoints.paused(channel)) {
                    endpoints.pause(channel);
                    LOG.info(() -> channel + " paused on this server as stored in DynamoDB");
                } else if (!wanted && endpoints.pausedHere(channel)) {
                    endpoints.resume(channel);
                    LOG.info(() -> channel + " resumed on this server as stored in DynamoDB");
                }
            }
        } catch (RuntimeException e) {
            // DynamoDB or an endpoint not reachable right now: the next round tries again, no message is lost meanwhile
            LOG.warning(() -> "could not apply the stored channel pause state: " + e.getMessage());
        }
    }
}
