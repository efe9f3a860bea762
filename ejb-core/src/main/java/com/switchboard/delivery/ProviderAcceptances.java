package com.switchboard.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Provider calls by delivery id, so that no delivery goes to its provider twice from this server:
 * providers (SMTP, SNS, Graph) take no idempotency key of their own.
 * <ul>
 * <li>A delivery being sent is not sent by a second ticket at the same time (a ticket queued twice,
 * e.g. when a server died between queueing and marking a communication dispatched).</li>
 * <li>An acceptance whose Sent write failed (DynamoDB unavailable; the ticket is queued again) is
 * remembered, and the redelivery records it instead of calling the provider again.</li>
 * <li>A delivery settled in the last {@link #SETTLED_FOR} is not sent by a ticket that read the
 * recipient as Pending before it settled.</li>
 * </ul>
 * In memory and per server, which is where a server's queues are (the embedded messaging engine).
 * A crash between a provider's acceptance and the Sent write can still send twice after the
 * restart: then the recipient's own status is the only guard.
 */
@ApplicationScoped
public class ProviderAcceptances {
    static final Duration SETTLED_FOR = Duration.ofMinutes(2);
    /** Longer than any DynamoDB outage a ticket waits out. */
    private static final Duration UNRECORDED_FOR = Duration.ofHours(24);

    private static final long PRUNE_EVERY_MS = 30_000;

    /** What this server knows of a delivery: being sent, accepted as {@code providerMessageId}, or settled. */
    private record Entry(String providerMessageId, boolean settled, Instant at) {
        boolean sending() {
            return providerMessageId == null && !settled;
        }
    }

    /** What the caller may do with a delivery. */
    public enum Go {
        /** Call the provider. */
        SEND,
        /** The provider accepted it before and that was not recorded: record {@link #earlierAcceptance}. */
        RECORD_EARLIER,
        /** Another ticket is sending it now, or it settled a moment ago: leave it. */
        SKIP
    }

    private final Map<String, Entry> deliveries = new ConcurrentHashMap<>();
    private final AtomicLong nextPrune = new AtomicLong();

    /** Takes the delivery for the calling thread, unless another has it or it is settled. */
    public Go begin(String deliveryId) {
        prune();
        Go[] go = new Go[1];
        deliveries.compute(deliveryId, (id, e) -> {
            if (e == null) {
                go[0] = Go.SEND;
                return new Entry(null, false, Instant.now());
            }
            go[0] = e.sending() || e.settled() ? Go.SKIP : Go.RECORD_EARLIER;
            return e;
        });
        return go[0];
    }

    /** Whether this server knows nothing of the delivery: no ticket is sending it, none was accepted or settled lately. */
    public boolean unknown(String deliveryId) {
        return !deliveries.containsKey(deliveryId);
    }

    /** The provider id of an acceptance not yet recorded ({@link Go#RECORD_EARLIER}). */
    public String earlierAcceptance(String deliveryId) {
        Entry e = deliveries.get(deliveryId);
        return e == null ? null : e.providerMessageId();
    }

    /** The provider accepted it: remembered in case the Sent write fails. */
    public void accepted(String deliveryId, String providerMessageId) {
        deliveries.put(deliveryId, new Entry(providerMessageId, false, Instant.now()));
    }

    /** The recipient's status now says what happened. */
    public void settled(String deliveryId) {
        deliveries.put(deliveryId, new Entry(null, true, Instant.now()));
    }

    /**
     * The thread is done with the delivery: a send that neither settled nor was accepted (a
     * transient failure, an open circuit, an exception) lets the next ticket try again.
     */
    public void end(String deliveryId) {
        deliveries.computeIfPresent(deliveryId, (id, e) -> e.sending() ? null : e);
    }

    /** Forgets settled deliveries after {@link #SETTLED_FOR}; one thread at a time, every 30 s. */
    private void prune() {
        long now = System.currentTimeMillis();
        long due = nextPrune.get();
        if (now >= due && nextPrune.compareAndSet(due, now + PRUNE_EVERY_MS)) {
            Instant settledBefore = Instant.now().minus(SETTLED_FOR);
            Instant acceptedBefore = Instant.now().minus(UNRECORDED_FOR);
            deliveries.values().removeIf(e -> e.at().isBefore(e.settled() ? settledBefore : acceptedBefore));
        }
    }
}
