package com.switchboard.channel.chat;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelProvider;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.DeliveryException;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.TransientDeliveryException;
import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Optional;
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
public class TeamsWebhookProvider implements ChannelProvider {
    static final String PLATFORM = "teams";
    static final String ADAPTIVE_CARD = "application/vnd.microsoft.card.adaptive";

    @Inject
    ChatWebhookClient client;

    @Override
    public Channel channel() {
        return Channel.Internal;
    }

    @Override
    public String name() {
        return PLATFORM;
    }

    @Override
    public boolean configured() {
        return client.anyWebhook(PLATFORM);
    }

    @Override
    public Optional<String> refusal(String address, RenderedMessage message, ProviderTemplate template) {
        return client.webhook(PLATFORM, address).isPresent() ? Optional.empty()
                : Optional.of("no Teams incoming webhook is configured under the name " + address);
    }

    @Override
    @Retry(maxRetries = 3, delay = 300, jitter = 150, retryOn = TransientDeliveryException.class,
            abortOn = PermanentDeliveryException.class)
    @Timeout(15_000)
    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.5, delay = 10_000, successThreshold = 2,
            failOn = TransientDeliveryException.class, skipOn = PermanentDeliveryException.class)
    @Bulkhead(16)
    public String send(Delivery delivery) {
        URI webhook = client.webhook(PLATFORM, delivery.address()).orElseThrow(() -> new PermanentDeliveryException(
                "no Teams incoming webhook is configured under the name " + delivery.address(), null));
        ChatWebhookClient.Answer answer = client.post(webhook, payload(delivery.message()));
        if (answer.status() / 100 != 2) {
            throw ChatWebhookClient.refusal("Teams", answer);
        }
        return PLATFORM + ":" + delivery.deliveryId();
    }

    /** A Teams message carrying one Adaptive Card (schema 1.4): heading, then the text, both wrapped. */
    static JsonObject payload(RenderedMessage message) {
        JsonArrayBuilder body = Json.createArrayBuilder();
        if (message.subject() != null && !message.subject().isBlank()) {
            body.add(Json.createObjectBuilder().add("type", "TextBlock").add("text", message.subject().strip())
                    .add("weight", "Bolder").add("size", "Medium").add("wrap", true));
        }
        body.add(Json.createObjectBuilder().add("type", "TextBlock").add("text", message.text()).add("wrap", true));
        JsonObject card = Json.createObjectBuilder()
                .add("$schema", "http://adaptivecards.io/schemas/adaptive-card.json")
                .add("type", "AdaptiveCard").add("version", "1.4").add("body", body).build();
        return Json.createObjectBuilder().add("type", "message")
                .add("attachments", Json.createArrayBuilder().add(Json.createObjectBuilder()
                        .add("contentType", ADAPTIVE_CARD).addNull("contentUrl").add("content", card)))
                .build();
    }

    @Override
    public DeliveryException classify(Exception failure) {
        return ChatWebhookClient.classify("Teams", failure);
    }
}
