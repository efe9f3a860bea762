package com.switchboard.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * WhatsApp's 24-hour customer-service window: free-form text may go to a customer only within 24
 * hours of their last message to us; outside it only an approved template may.
 */
@ApplicationScoped
public class CustomerServiceWindow {
    static final Duration LENGTH = Duration.ofHours(24);
    private static final long READ_AHEAD_VALID_NANOS = Duration.ofSeconds(5).toNanos();
    private static final int READ_AHEAD_MAX = 10_000;

    @Inject
    DynamoWhatsAppContactStore contacts;

    @Inject
    Clock clock;

    /** Last inbound messages read ahead for a chunk, by number, with when they were read. */
    private final Map<String, ReadAhead> readAhead = new ConcurrentHashMap<>();

    private record ReadAhead(Optional<Instant> lastInbound, long readAtNanos) {}

    public boolean isOpen(String e164) {
        ReadAhead read = readAhead.remove(e164);
        Optional<Instant> last = read != null && System.nanoTime() - read.readAtNanos() < READ_AHEAD_VALID_NANOS
                ? read.lastInbound()
                : contacts.lastInboundAt(e164);
        return isOpen(last, Instant.now(clock));
    }

    /**
     * Reads the last inbound message of several numbers with one request, for the sends that follow
     * within a few seconds. A message that arrives meanwhile is missed at worst: the template goes
     * instead of text, which is always allowed; a window that closed meanwhile is caught by Graph's
     * re-engagement answer, after which the template goes.
     */
    public void readAhead(List<String> numbers) {
        long now = System.nanoTime();
        if (readAhead.size() > READ_AHEAD_MAX) {
            readAhead.values().removeIf(r -> now - r.readAtNanos() >= READ_AHEAD_VALID_NANOS);
        }
        contacts.lastInboundAt(numbers).forEach((number, last) -> readAhead.put(number, new ReadAhead(last, now)));
    }

    static boolean isOpen(Optional<Instant> lastInbound, Instant now) {
        return lastInbound.map(last -> now.isBefore(last.plus(LENGTH))).orElse(false);
    }
}
