package com.switchboard.channel.chat;

import com.switchboard.channel.Channel;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.ProviderPolicy;
import com.switchboard.channel.TransientDeliveryException;
import com.switchboard.template.RenderedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * Staff alerts (the {@link Channel#Internal} channel) through a Microsoft Teams incoming webhook
 * (a Workflows "post to a channel when a webhook request is received" URL, configured as
 * {@code teams.webhook.<address>}): a {@code message} with one Adaptive Card, the subject as its
 * bold heading. Teams answers 202 (Workflows) or 200 (legacy connectors) without a message id, so
 * the delivery id stands in for one. Chosen by {@code channel.internal.provider=teams}.
 */
@ApplicationScoped
public class TeamsWebhookProvider extends ChatWebhookProvider {
    static final String PLATFORM = "teams";
    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    @Override
    String platform() {
        return PLATFORM;
    }

    @Override
    String label() {
        return "Teams";
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

    /** A Teams message carrying one Adaptive Card (schema 1.4): heading, then the text, both wrapped. */
    @Override
    JsonObject payload(RenderedMessage message) {
        JsonArrayBuilder body = Json.createArrayBuilder();
        if (message.subject() != null && !message.subject().isBlank()) {
            body.add(Json.createObjectBuilder()
                    .add("type", "TextBlock")
                    .add("text", message.subject().strip())
                    .add("weight", "Bolder")
                    .add("size", "Medium")
                    .add("wrap", true));
        }
        body.add(Json.createObjectBuilder()
                .add("type", "TextBlock")
                .add("text", message.text())
                .add("wrap", true));
        JsonObject card = Json.createObjectBuilder()
                .add("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .add("type", "AdaptiveCard")
                .add("version", "1.4")
                .add("body", body)
                .build();
        return Json.createObjectBuilder()
                .add("type", "message")
                .add(
                        "attachments",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("contentType", ADAPTIVE_CARD)
                                        .addNull("contentUrl")
                                        .add("content", card)))
                .build();
    }
}
