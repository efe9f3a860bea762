package com.switchboard.channel;

import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.DynamoProviderRefStore;
import com.switchboard.communication.DynamoProviderRefStore.ProviderRef;
import com.switchboard.communication.DynamoCommunicationStore.StoredRecipient;
import com.switchboard.communication.RecipientStatus;
import com.switchboard.coordination.FallbackService;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The recipients of one chunk of tickets that moved to Sent and whose follow-up writes are still
 * to be made: the communication's counts (one update for all), the provider references receipts
 * look recipients up by (one BatchWriteItem), the escalation checks. {@link DeliveryService} flushes
 * it whenever the oldest waiting move is older than {@code maxWaitMillis} (so a receipt seldom
 * comes before its reference) and when the chunk ends, also when it ends with an exception: every
 * recipient moved is counted.
 */
final class AcceptedDeliveries {
    private final String communicationId;
    private final DynamoCommunicationStore store;
    private final DynamoProviderRefStore providerRefs;
    private final FallbackService fallbacks;
    private final long maxWaitMillis;
    private final Map<String, ProviderRef> refs = new LinkedHashMap<>();
    private final List<Integer> escalating = new ArrayList<>();
    private long oldest;

    AcceptedDeliveries(String communicationId, DynamoCommunicationStore store, DynamoProviderRefStore providerRefs,
            FallbackService fallbacks, long maxWaitMillis) {
        this.communicationId = communicationId;
        this.store = store;
        this.providerRefs = providerRefs;
        this.fallbacks = fallbacks;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** A recipient the store has just moved Pending → Sent with the provider's message id. */
    void add(StoredRecipient r, String providerMessageId) {
        if (refs.isEmpty()) {
            oldest = System.nanoTime();
        }
        refs.put(providerMessageId, new ProviderRef(r.channel(), r.communicationId(), r.index()));
        if (r.escalates()) {
            escalating.add(r.index());
        }
        if ((System.nanoTime() - oldest) / 1_000_000 >= maxWaitMillis) {
            flush();
        }
    }

    void flush() {
        if (refs.isEmpty()) {
            return;
        }
        Map<String, ProviderRef> moved = new LinkedHashMap<>(refs);
        List<Integer> escalations = List.copyOf(escalating);
        refs.clear();
        escalating.clear();
        store.countMoves(communicationId, RecipientStatus.Pending, RecipientStatus.Sent, moved.size());
        providerRefs.putAll(moved);
        escalations.forEach(index -> fallbacks.accepted(communicationId, index));
    }
}
