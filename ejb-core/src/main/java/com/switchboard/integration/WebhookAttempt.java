package com.switchboard.integration;

/**
 * One POST of one event to a subscriber, as {@code GET /communications/webhooks/{id}/deliveries}
 * shows it: the subscriber's HTTP status, or the error when there was no answer, and how long it took.
 */
public record WebhookAttempt(
        String webhookId,
        String type,
        int attempt,
        String at,
        Integer statusCode,
        String error,
        long durationMs,
        boolean succeeded) {}
