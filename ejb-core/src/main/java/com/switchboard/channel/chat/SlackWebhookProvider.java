package com.switchboard.channel.chat;

import com.switchboard.channel.Channel;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.PermanentDeliveryException;
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
    @Retry(maxRetries = 3, delay = 300, jitter = 150, retryOn = TransientDeliveryException.class,
            abortOn = PermanentDeliveryException.class)
    @Timeout(15_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = TransientDeliveryException.class, skipOn = PermanentDeliveryException.class)
    @Bulkhead(16)
    public String send(Delivery delivery) {
        return post(delivery);
    }

    /** Slack's simplest message: {@code text} in its mrkdwn, the subject (when there is one) in bold. */
    @Override
    JsonObject payload(RenderedMessage message) {
        String subject = message.subject();
        String text = subject == null || subject.isBlank() ? message.text() : "*" + subject.strip() + "*\n" + message.text();
        return Json.createObjectBuilder().add("text", text).build();
    }
}
