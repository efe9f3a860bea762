package com.switchboard.channel;

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

    /** Sorts a provider's exception into transient or permanent, keeping the provider's own reason. */
    DeliveryException classify(Exception failure);
}
