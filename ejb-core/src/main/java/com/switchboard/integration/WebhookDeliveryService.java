package com.switchboard.integration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Delivers one attempt of one webhook event: signs it, posts it, records the attempt, and on a
 * failure queues the next attempt with an exponentially growing delay (capped) until the retry
 * window is spent. A subscription that fails {@code webhook.disable.after.failures} times in a row,
 * or whose event outlived the window, is disabled and reported in the log (id and host, never the
 * secret or the URL's query); its queued deliveries are then dropped.
 */
@ApplicationScoped
public class WebhookDeliveryService {
    private static final Logger LOG = Logger.getLogger(WebhookDeliveryService.class.getName());

    @Inject
    DynamoWebhookStore store;

    @Inject
    HttpWebhookSender sender;

    @Inject
    WebhookUrlPolicy urls;

    @Inject
    JmsWebhookQueue queue;

    @Inject
    ActiveWebhookSubscriptions active;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "webhook.retry.delay.ms", defaultValue = "5000")
    long retryDelayMillis;

    @Inject
    @ConfigProperty(name = "webhook.retry.max.delay.ms", defaultValue = "3600000")
    long maxRetryDelayMillis;

    @Inject
    @ConfigProperty(name = "webhook.retry.window.ms", defaultValue = "86400000")
    long retryWindowMillis;

    @Inject
    @ConfigProperty(name = "webhook.disable.after.failures", defaultValue = "20")
    long disableAfterFailures;

    public void deliver(WebhookMessage m) {
        Optional<WebhookSubscription> found = store.find(m.subscriptionId());
        if (found.isEmpty() || found.get().state() != WebhookSubscription.State.enabled) {
            return; // deleted or disabled since the event was queued: nobody to tell
        }
        WebhookSubscription w = found.get();
        Instant now = clock.instant();
        long timestamp = now.getEpochSecond();
        String signature = StandardWebhookSignature.sign(w.secret(), m.webhookId(), timestamp, m.body());
        // checked again now: the name may point somewhere else than when it was subscribed
        HttpWebhookSender.Outcome outcome = urls.blockedAtSend(w.url())
                .map(blocked -> new HttpWebhookSender.Outcome(null, "blocked address", 0))
                .orElseGet(() -> sender.post(w.url(), m.webhookId(), timestamp, signature, m.body()));
        store.recordAttempt(
                w.id(),
                new WebhookAttempt(
                        m.webhookId(),
                        m.type(),
                        m.attempt(),
                        now.toString(),
                        outcome.statusCode(),
                        outcome.error(),
                        outcome.durationMs(),
                        outcome.succeeded()),
                now.toEpochMilli());
        if (outcome.succeeded()) {
            store.succeeded(w.id());
            return;
        }
        long failures = store.failed(w.id());
        Duration delay = delay(m.attempt());
        String last = outcome.statusCode() != null ? "HTTP " + outcome.statusCode() : outcome.error();
        if (failures >= disableAfterFailures) {
            disable(w, failures + " consecutive failed deliveries, the last " + last, now);
        } else if (now.toEpochMilli() + delay.toMillis() - m.firstQueuedAt() > retryWindowMillis) {
            disable(
                    w,
                    "event " + m.webhookId() + " undelivered for " + Duration.ofMillis(retryWindowMillis) + " after "
                            + m.attempt() + " attempts, the last " + last,
                    now);
        } else {
            queue.retryLater(m.next(), delay);
        }
    }

    /** base × 2^(attempt-1), at most the configured maximum. */
    Duration delay(int attempt) {
        int doublings = Math.min(attempt - 1, 30);
        long delay = retryDelayMillis << doublings;
        return Duration.ofMillis(delay <= 0 || delay > maxRetryDelayMillis ? maxRetryDelayMillis : delay);
    }

    private void disable(WebhookSubscription w, String reason, Instant now) {
        if (store.disable(w.id(), reason, now.toString())) {
            active.forget();
            LOG.warning(() -> "webhook subscription " + w.id() + " to host "
                    + URI.create(w.url()).getHost() + " disabled: " + reason);
        }
    }
}
