package com.switchboard.delivery;

import com.switchboard.channel.Channel;
import com.switchboard.communication.ChunkMove;
import com.switchboard.communication.DynamoCommunicationStore.StoredRecipient;
import com.switchboard.communication.DynamoProviderRefStore;
import com.switchboard.communication.DynamoProviderRefStore.ProviderRef;
import com.switchboard.communication.RecipientMoves;
import com.switchboard.conversation.DynamoConversationStore;
import com.switchboard.conversation.ThreadIds;
import com.switchboard.coordination.FallbackService;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;

/**
 * The recipients of one chunk of tickets that their provider accepted and whose move to Sent is
 * still to be written: the moves (one conditional UpdateItem per recipient chunk, which also counts
 * them), the provider references receipts look recipients up by where the provider's receipts do
 * not name the recipient themselves (one BatchWriteItem), the messages to SMS and WhatsApp numbers
 * in their conversations (one BatchWriteItem per 25), the escalation checks.
 * {@link DeliveryService} flushes it when the chunk ends, also when it ends with an exception, and
 * before that whenever the oldest waiting acceptance is older than {@code referenceWaitMillis}
 * where a receipt needs its reference (so it seldom comes before it), or {@code maxWaitMillis}
 * where it does not (a receipt that finds its recipient still Pending moves it all the same).
 * Every acceptance is written or, if the write fails, remembered by {@link ProviderAcceptances}
 * for the redelivery.
 */
final class AcceptedDeliveries {
    /** An acceptance waiting for its write. */
    private record Accepted(StoredRecipient recipient, String deliveryId, String providerMessageId, ChunkMove move) {}

    private final String communicationId;
    /** The text kept in conversations, or null when this communication's messages are kept there already. */
    private final String text;

    private final RecipientMoves moves;
    private final DynamoConversationStore conversations;
    private final DynamoProviderRefStore providerRefs;
    private final FallbackService fallbacks;
    private final ProviderAcceptances acceptances;
    private final Clock clock;
    private final Predicate<Channel> needsReference;
    private final long referenceWaitMillis;
    private final long maxWaitMillis;
    private final List<Accepted> waiting = new ArrayList<>();
    private long oldest;
    private boolean referenced;

    AcceptedDeliveries(
            String communicationId,
            String text,
            RecipientMoves moves,
            DynamoConversationStore conversations,
            DynamoProviderRefStore providerRefs,
            FallbackService fallbacks,
            ProviderAcceptances acceptances,
            Clock clock,
            Predicate<Channel> needsReference,
            long referenceWaitMillis,
            long maxWaitMillis) {
        this.communicationId = communicationId;
        this.text = text;
        this.moves = moves;
        this.conversations = conversations;
        this.providerRefs = providerRefs;
        this.fallbacks = fallbacks;
        this.acceptances = acceptances;
        this.clock = clock;
        this.needsReference = needsReference;
        this.referenceWaitMillis = referenceWaitMillis;
        this.maxWaitMillis = maxWaitMillis;
    }

    /** A recipient its provider accepted as {@code providerMessageId}: moved to Sent by {@code move} at the next flush. */
    void add(StoredRecipient r, String deliveryId, String providerMessageId, ChunkMove move) {
        if (waiting.isEmpty()) {
            oldest = System.nanoTime();
        }
        waiting.add(new Accepted(r, deliveryId, providerMessageId, move));
        referenced |= needsReference.test(r.channel());
        if ((System.nanoTime() - oldest) / 1_000_000 >= (referenced ? referenceWaitMillis : maxWaitMillis)) {
            flush();
        }
    }

    void flush() {
        if (waiting.isEmpty()) {
            return;
        }
        List<Accepted> batch = List.copyOf(waiting);
        waiting.clear();
        referenced = false;
        Instant now = Instant.now(clock);
        List<ChunkMove> made = moves.moveAll(
                communicationId, batch.stream().map(Accepted::move).toList(), now.toString());
        List<DynamoConversationStore.Sent> said = new ArrayList<>();
        Map<String, ProviderRef> refs = new LinkedHashMap<>();
        List<Integer> escalations = new ArrayList<>();
        for (Accepted a : batch) {
            acceptances.settled(
                    a.deliveryId()); // written, or found settled by someone else: either way not to send again
            if (made.stream().anyMatch(m -> m == a.move())) {
                if (needsReference.test(a.recipient().channel())) {
                    refs.put(
                            a.providerMessageId(),
                            new ProviderRef(
                                    a.recipient().channel(),
                                    communicationId,
                                    a.recipient().index()));
                }
                if (text != null && ThreadIds.conversational(a.recipient().channel())) {
                    said.add(new DynamoConversationStore.Sent(
                            ThreadIds.of(a.recipient().channel(), a.recipient().address()),
                            a.deliveryId(),
                            communicationId,
                            a.recipient().index(),
                            a.providerMessageId(),
                            now,
                            text));
                }
                if (a.recipient().escalates()) {
                    escalations.add(a.recipient().index());
                }
            }
        }
        if (!refs.isEmpty()) {
            providerRefs.putAll(refs);
        }
        if (!said.isEmpty()) {
            conversations.recordSent(said);
        }
        escalations.forEach(index -> fallbacks.accepted(communicationId, index));
    }
}
