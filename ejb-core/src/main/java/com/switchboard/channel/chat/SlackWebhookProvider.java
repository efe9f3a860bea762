package com.switchboard.channel.chat;

import com.switchboard.channel.Channel;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.ProviderPolicy;
import com.switchboard.channel.TransientDeliveryException;
import com.switchboard.template.RenderedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Staff alerts (the {@link Channel#Internal} channel) through a Slack incoming webhook: {@code POST}
 * of {@code {"text": ...}} to the URL configured as {@code slack.webhook.<address>}, the subject in
 * bold on the first line. Slack answers {@code 200 ok} without a message id, so the delivery id
 * stands in for one. Chosen by {@code channel.internal.provider=slack}.
 */
@ApplicationScoped
public class SlackWebhookProvider extends ChatWebhookProvider {
    static final String PLATFORM = "slack";

    @Override
    String platform() {
        return PLATFORM;
    }

    @Override
    String label() {
        return "Slack";
    }

    @Override
    @Retry(
            maxRetries = ProviderPolicy.REMOTE_RETRIES,
            delay = ProviderPolicy.REMOTE_RETRY_DELAY_MS,
            jitter = ProviderPolicy.REMOTE_RETRY_JITTER_MS,
            retryOn = TransientDeliveryException.class,
            abortOn = PermanentDeliveryException.class)
    @Timeout(ProviderPolicy.REMOTE_TIMEOUT_MS)
    @CircuitBreaker(
            requestVolumeThreshold = ProviderPolicy.CIRCUIT_VOLUME,
            failureRatio = ProviderPolicy.CIRCUIT_FAILURE_RATIO,
            delay = ProviderPolicy.CIRCUIT_DELAY_MS,
            successThreshold = ProviderPolicy.CIRCUIT_SUCCESSES,
            failOn = TransientDeliveryException.class,
            skipOn = PermanentDeliveryException.class)
    @Bulkhead(ProviderPolicy.WEBHOOK_CONCURRENCY)
    public String send(Delivery delivery) {
        return post(delivery);
    }

    /** Slack's simplest message: {@code text} in its mrkdwn, the subject (when there is one) in bold. */
    @Override
    JsonObject payload(RenderedMessage message) {
        String subject = message.subject();
        String text =
                subject == null || subject.isBlank() ? message.text() : "*" + subject.strip() + "*\n" + message.text();
        return Json.createObjectBuilder().add("text", text).build();
    }
}
