package com.switchboard.integration;

/**
 * One event on its way to one subscription, as it travels on {@code jms/queue/webhooks}:
 * {@code webhookId} stays the same on every attempt (subscribers deduplicate on it),
 * {@code firstQueuedAt} (epoch ms) bounds the retries.
 */
public record WebhookMessage(
        String subscriptionId, String webhookId, String type, String body, long firstQueuedAt, int attempt) {

    static final String SUBSCRIPTION_ID = "subscriptionId";
    static final String WEBHOOK_ID = "webhookId";
    static final String TYPE = "eventType";
    static final String FIRST_QUEUED_AT = "firstQueuedAt";
    static final String ATTEMPT = "attempt";

    public WebhookMessage next() {
        return new WebhookMessage(subscriptionId, webhookId, type, body, firstQueuedAt, attempt + 1);
    }
}
