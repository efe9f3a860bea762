package com.switchboard.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * WhatsApp's 24-hour customer-service window: free-form text may go to a customer only within 24
 * hours of their last message to us; outside it only an approved template may.
 */
@ApplicationScoped
public class CustomerServiceWindow {
    static final Duration LENGTH = Duration.ofHours(24);

    @Inject
    DynamoWhatsAppContactStore contacts;

    @Inject
    Clock clock;

    public boolean isOpen(String e164) {
        return isOpen(contacts.lastInboundAt(e164), Instant.now(clock));
    }

    static boolean isOpen(Optional<Instant> lastInbound, Instant now) {
        return lastInbound.map(last -> now.isBefore(last.plus(LENGTH))).orElse(false);
    }
}
