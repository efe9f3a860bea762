package com.switchboard.channel;

import com.switchboard.document.DocumentRef;
import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The provider SPI: one class per provider (SMTP, SNS, a second SMS vendor, a chat webhook), a CDI
 * bean chosen for its channel by MicroProfile Config ({@code channel.<channel>.provider=<name>}).
 * Implementations declare their fault tolerance (retry, timeout, circuit breaker, bulkhead) on
 * {@link #send}, so each provider has its own circuit.
 */
public interface ChannelProvider {

    Channel channel();

    /** The name configuration selects it by, e.g. {@code smtp}. */
    String name();

    /** Whether the configuration this provider needs is present. */
    boolean configured();

    /**
     * Sends one delivery and returns the provider's message id.
     *
     * @throws TransientDeliveryException when trying again later may succeed (throttling, 4xx SMTP, outage)
     * @throws PermanentDeliveryException when it never will (bad address, hard rejection)
     */
    String send(Delivery delivery);

    /**
     * Refuses at send time what this provider could never deliver (text over its limit, no
     * template where one is required), so the caller gets a 422 instead of a later failure.
     * Returns the reason, or empty when the message can go.
     */
    default Optional<String> refusal(String address, RenderedMessage message, ProviderTemplate template) {
        return Optional.empty();
    }

    /**
     * {@link #refusal(String, RenderedMessage, ProviderTemplate)} of a message that carries
     * {@code attachments}; a provider that sends them differently (links in the text, a message of
     * their own) overrides it.
     */
    default Optional<String> refusal(
            String address, RenderedMessage message, ProviderTemplate template, List<DocumentRef> attachments) {
        return refusal(address, message, template);
    }

    /**
     * Counts recorded on the recipient when the provider accepted the delivery, named as the
     * recipient's attributes (SMS: {@code segments}, what the message is billed as). None by default.
     */
    default Map<String, Long> usage(Delivery delivery) {
        return Map.of();
    }

    /**
     * What one delivery costs in the units the channel's daily budget ({@code budget.daily.<Channel>})
     * counts: one message by default; SMS counts the segments it is billed as.
     */
    default long billedUnits(Delivery delivery) {
        return 1;
    }

    /**
     * Called with a chunk's deliveries before they are sent one by one, so a provider that looks
     * something up per delivery can read it for the whole chunk at once (WhatsApp's customer-service
     * windows). A failure here costs only the optimisation: each send still looks up what it needs.
     */
    default void prepare(List<Delivery> deliveries) {}

    /**
     * Whether this provider's receipts name our recipient themselves (our ids echoed back: SES
     * message tags, WhatsApp callback data; or no receipts at all). Otherwise each accepted delivery
     * keeps a {@code PROVIDERMSG#<id>} reference by which its receipt finds the recipient, one more
     * write per chunk. False by default: a receipt must always find its recipient.
     */
    default boolean receiptsNameTheRecipient() {
        return false;
    }

    /** Sorts a provider's exception into transient or permanent, keeping the provider's own reason. */
    DeliveryException classify(Exception failure);
}
