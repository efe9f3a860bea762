package com.switchboard.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The enabled subscriptions as this server last read them. Every recipient transition asks which
 * subscriptions want it; reading the table each time would add a Query to every status write, so
 * the list is kept for {@code webhook.subscriptions.cache.ms} and dropped at once when this server
 * changes a subscription (another server's change is seen within that time).
 */
@ApplicationScoped
public class ActiveWebhookSubscriptions {

    @Inject
    DynamoWebhookStore store;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "webhook.subscriptions.cache.ms", defaultValue = "5000")
    long cacheMillis;

    private record Snapshot(List<WebhookSubscription> subscriptions, long readAt) {}

    private volatile Snapshot snapshot;

    public List<WebhookSubscription> wanting(WebhookEventType type) {
        Snapshot s = snapshot;
        long now = clock.millis();
        if (s == null || now - s.readAt() > cacheMillis) {
            s = new Snapshot(store.all(), now);
            snapshot = s;
        }
        return s.subscriptions().stream().filter(w -> w.wants(type)).toList();
    }

    public void forget() {
        snapshot = null;
    }
}
