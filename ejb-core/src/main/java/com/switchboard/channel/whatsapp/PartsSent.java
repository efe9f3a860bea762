package com.switchboard.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * The parts of a delivery that goes as several WhatsApp messages (the text, then one per document)
 * which Graph already accepted, so that a retry after a later part failed sends only what is left
 * and the customer does not get the text twice. In memory: a delivery's retries (fault tolerance,
 * and JMS redelivery unless its server died) run on the server that tried it; entries older than
 * {@value #KEEP_MINUTES} minutes are dropped, so a failed delivery's progress does not stay.
 */
@ApplicationScoped
class PartsSent {
    static final long KEEP_MINUTES = 30;
    private static final int PRUNE_ABOVE = 1_000;

    /** The delivery's wamid (its text's) and how many of its documents are out. */
    record Progress(String wamid, int documents, long atNanos) {}

    private final ConcurrentHashMap<String, Progress> sent = new ConcurrentHashMap<>();

    Optional<Progress> of(String deliveryId) {
        return Optional.ofNullable(sent.get(deliveryId)).filter(p -> !old(p, System.nanoTime()));
    }

    void record(String deliveryId, String wamid, int documents) {
        long now = System.nanoTime();
        sent.put(deliveryId, new Progress(wamid, documents, now));
        if (sent.size() > PRUNE_ABOVE) {
            sent.values().removeIf(p -> old(p, now));
        }
    }

    void done(String deliveryId) {
        sent.remove(deliveryId);
    }

    private static boolean old(Progress p, long now) {
        return now - p.atNanos() > TimeUnit.MINUTES.toNanos(KEEP_MINUTES);
    }
}
