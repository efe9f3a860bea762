package com.switchboard.channel.whatsapp;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ProviderHealth;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Opens at once when Graph rejects the access token, instead of waiting for the failure ratio of
 * the provider's {@code @CircuitBreaker}: every call would fail the same way until the token is
 * renewed. While open, deliveries fail fast as transient (JMS redelivers them later) and the channel
 * reports the circuit open; after {@code whatsapp.token.recheck.ms} one call tries the token again.
 */
@ApplicationScoped
public class AccessTokenCircuit {

    @Inject
    ProviderHealth health;

    @Inject
    Clock clock;

    @Inject
    @ConfigProperty(name = "whatsapp.token.recheck.ms", defaultValue = "60000")
    long recheckMillis;

    private Instant openUntil;
    private String reason;

    /** @throws AccessTokenRejectedException while the token is known to be rejected */
    public synchronized void ensureClosed() {
        if (openUntil != null && Instant.now(clock).isBefore(openUntil)) {
            throw new AccessTokenRejectedException(reason + "; not calling WhatsApp until " + openUntil, null);
        }
    }

    public synchronized void open(String why) {
        openUntil = Instant.now(clock).plus(Duration.ofMillis(recheckMillis));
        reason = why;
        health.circuitOpen(Channel.WhatsApp, why + "; the access token must be renewed");
    }

    public synchronized void close() {
        openUntil = null;
        reason = null;
    }
}
