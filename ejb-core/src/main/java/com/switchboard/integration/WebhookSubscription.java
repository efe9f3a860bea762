package com.switchboard.integration;

import java.util.List;
import java.util.Set;

/**
 * One stored webhook subscription. The secret signs every delivery; it is shown to the admin once,
 * at creation, and left out of {@link #toString()} so no log line can carry it.
 */
public record WebhookSubscription(
        String id,
        String url,
        String secret,
        Set<WebhookEventType> eventTypes,
        String description,
        State state,
        long consecutiveFailures,
        String createdAt,
        String createdBy,
        String disabledAt,
        String disabledReason) {

    /** Enabled subscriptions receive events; a disabled one receives nothing until deleted or enabled again. */
    public enum State {
        enabled,
        disabled
    }

    public boolean wants(WebhookEventType type) {
        return state == State.enabled && eventTypes.contains(type);
    }

    /** As the API shows it; {@code secret} only in the answer to the creation. */
    public record View(
            String id,
            String url,
            List<String> eventTypes,
            String description,
            String state,
            long consecutiveFailures,
            String createdAt,
            String createdBy,
            String disabledAt,
            String disabledReason,
            String secret) {}

    public View view(boolean withSecret) {
        return new View(
                id,
                url,
                eventTypes.stream().map(WebhookEventType::wireName).sorted().toList(),
                description,
                state.name(),
                consecutiveFailures,
                createdAt,
                createdBy,
                disabledAt,
                disabledReason,
                withSecret ? secret : null);
    }

    @Override
    public String toString() {
        return "WebhookSubscription[id=" + id + ", url=" + url + ", eventTypes=" + eventTypes + ", state=" + state
                + "]";
    }
}
