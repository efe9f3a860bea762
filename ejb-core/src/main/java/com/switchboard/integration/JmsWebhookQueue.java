package com.switchboard.integration;

import com.switchboard.messaging.Jms;
import com.switchboard.metering.CostMeter;
import jakarta.annotation.Resource;
import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Queue;
import jakarta.jms.TextMessage;
import java.time.Duration;
import java.util.List;

/**
 * Puts webhook deliveries on {@code jms/queue/webhooks}, so the thread that changed a status (a
 * request or a channel consumer) never waits for a subscriber. A persistent delayed message is
 * the retry timer: the messaging engine's file store keeps it across restarts.
 */
@Stateless
public class JmsWebhookQueue {

    @Resource(lookup = "jms/queue/webhooks")
    Queue webhooks;

    @Inject
    CostMeter meter;

    @Inject
    Jms jms;

    /**
     * Queues new events in a transaction of their own: the status they report is already written
     * in DynamoDB, so a rollback of the caller (a consumer redelivering its ticket) must not take
     * them back with it.
     */
    @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
    public void publish(List<WebhookMessage> messages) {
        jms.send("queue webhook events", (context, producer) -> {
            for (WebhookMessage m : messages) {
                producer.send(webhooks, message(context, m));
            }
        });
        meter.jmsSent("webhooks", messages.size());
    }

    /** Queues the next attempt after {@code delay}, in the consumer's transaction (sent only if it commits). */
    @TransactionAttribute(TransactionAttributeType.MANDATORY)
    public void retryLater(WebhookMessage next, Duration delay) {
        jms.send(
                "queue a webhook retry",
                (context, producer) ->
                        producer.setDeliveryDelay(delay.toMillis()).send(webhooks, message(context, next)));
        meter.jmsSent("webhooks", 1);
    }

    private static TextMessage message(JMSContext context, WebhookMessage m) throws JMSException {
        TextMessage t = context.createTextMessage(m.body());
        t.setStringProperty(WebhookMessage.SUBSCRIPTION_ID, m.subscriptionId());
        t.setStringProperty(WebhookMessage.WEBHOOK_ID, m.webhookId());
        t.setStringProperty(WebhookMessage.TYPE, m.type());
        t.setLongProperty(WebhookMessage.FIRST_QUEUED_AT, m.firstQueuedAt());
        t.setIntProperty(WebhookMessage.ATTEMPT, m.attempt());
        return t;
    }

    /** Reads a message this class queued. */
    static WebhookMessage read(TextMessage t) throws JMSException {
        return new WebhookMessage(
                t.getStringProperty(WebhookMessage.SUBSCRIPTION_ID),
                t.getStringProperty(WebhookMessage.WEBHOOK_ID),
                t.getStringProperty(WebhookMessage.TYPE),
                t.getText(),
                t.getLongProperty(WebhookMessage.FIRST_QUEUED_AT),
                t.getIntProperty(WebhookMessage.ATTEMPT));
    }
}
