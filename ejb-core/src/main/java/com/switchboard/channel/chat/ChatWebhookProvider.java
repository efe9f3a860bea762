package com.switchboard.channel.chat;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelProvider;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.DeliveryException;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.net.URI;
import java.util.Optional;

/**
 * What a chat platform's incoming-webhook provider of the {@link Channel#Internal} channel shares:
 * the address is a webhook name whose URL comes from config ({@code <platform>.webhook.<name>}),
 * the platform answers without a message id, so the delivery id stands in for one. A subclass
 * gives the platform and its payload, and declares its own fault tolerance on {@code send}, so
 * each platform has its own circuit.
 */
abstract class ChatWebhookProvider implements ChannelProvider {

    @Inject
    ChatWebhookClient client;

    /** The platform's config name ({@code slack}, {@code teams}), also the provider's name. */
    abstract String platform();

    /** The platform as people write it, for reasons. */
    abstract String label();

    /** The platform's message body for {@code message}. */
    abstract JsonObject payload(RenderedMessage message);

    @Override
    public Channel channel() {
        return Channel.Internal;
    }

    @Override
    public String name() {
        return platform();
    }

    @Override
    public boolean configured() {
        return client.anyWebhook(platform());
    }

    @Override
    public Optional<String> refusal(String address, RenderedMessage message, ProviderTemplate template) {
        return client.webhook(platform(), address).isPresent() ? Optional.empty() : Optional.of(unknown(address));
    }

    /** Posts the delivery to its webhook; the body of each subclass's fault-tolerant {@code send}. */
    String post(Delivery delivery) {
        URI webhook = client.webhook(platform(), delivery.address())
                .orElseThrow(() -> new PermanentDeliveryException(unknown(delivery.address()), null));
        ChatWebhookClient.Answer answer = client.post(webhook, payload(delivery.message()));
        if (answer.status() / 100 != 2) {
            throw ChatWebhookClient.refusal(label(), answer);
        }
        return platform() + ":" + delivery.deliveryId();
    }

    @Override
    public boolean receiptsNameTheRecipient() {
        return true; // chat webhooks send no receipts
    }

    @Override
    public DeliveryException classify(Exception failure) {
        return ChatWebhookClient.classify(label(), failure);
    }

    private String unknown(String address) {
        return "no " + label() + " incoming webhook is configured under the name " + address;
    }
}
