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
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Optional;
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
public class SlackWebhookProvider implements ChannelProvider {
    static final String PLATFORM = "slack";

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
                : Optional.of("no Slack incoming webhook is configured under the name " + address);
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
                "no Slack incoming webhook is configured under the name " + delivery.address(), null));
        ChatWebhookClient.Answer answer = client.post(webhook, payload(delivery.message()));
        if (answer.status() / 100 != 2) {
            throw ChatWebhookClient.refusal("Slack", answer);
        }
        return PLATFORM + ":" + delivery.deliveryId();
    }

    /** Slack's simplest message: {@code text} in its mrkdwn, the subject (when there is one) in bold. */
    static JsonObject payload(RenderedMessage message) {
        String subject = message.subject();
        String text = subject == null || subject.isBlank() ? message.text() : "*" + subject.strip() + "*\n" + message.text();
        return Json.createObjectBuilder().add("text", text).build();
    }

    @Override
    public DeliveryException classify(Exception failure) {
        return ChatWebhookClient.classify("Slack", failure);
    }
}
