package com.switchboard.tracking;

import com.switchboard.communication.ChunkMove;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.DynamoCommunicationStore.StoredRecipient;
import com.switchboard.communication.DynamoCommunicationViews;
import com.switchboard.communication.DynamoProviderRefStore;
import com.switchboard.communication.DynamoProviderRefStore.ProviderRef;
import com.switchboard.communication.RecipientMoves;
import com.switchboard.communication.RecipientStatus;
import com.switchboard.coordination.FallbackService;
import com.switchboard.preference.DynamoSuppressionStore;
import com.switchboard.preference.Suppression;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Applies provider receipts to recipients: finds the recipient by the provider's message id (or
 * our communication tag and the address), moves it forward only ({@code Pending → Sent →
 * Delivered | Failed}; a Delivered receipt for a Pending recipient goes straight through), records
 * every receipt as an event whether it moved the status or not, and suppresses addresses a hard
 * bounce or complaint names. Duplicates and late receipts find a terminal status and change nothing.
 */
@ApplicationScoped
public class ReceiptService {
    private static final Logger LOG = Logger.getLogger(ReceiptService.class.getName());
    private static final int RACE_RETRIES = 3;

    /** What became of one receipt. */
    public enum Result {
        APPLIED,
        RECORDED,
        UNKNOWN
    }

    @Inject
    DynamoCommunicationStore store;

    @Inject
    RecipientMoves moves;

    @Inject
    DynamoCommunicationViews views;

    @Inject
    DynamoProviderRefStore providerRefs;

    @Inject
    DynamoDeliveryEventStore events;

    @Inject
    DynamoSuppressionStore suppressions;

    @Inject
    Clock clock;

    @Inject
    FallbackService fallbacks;

    @Inject
    Event<RecipientRead> read;

    public Result record(Receipt receipt) {
        for (String address : receipt.suppress()) {
            suppressions.suppress(new Suppression(
                    receipt.channel(),
                    address,
                    Suppression.SUPPRESSED,
                    receipt.rawStatus() + (receipt.reason() == null ? "" : ": " + receipt.reason()),
                    Instant.now(clock).toString()));
        }
        Optional<ProviderRef> target = find(receipt);
        if (target.isEmpty()) {
            LOG.info(() -> "receipt " + receipt.rawStatus() + " for unknown " + receipt.channel() + " message "
                    + receipt.providerMessageId() + " ignored");
            return Result.UNKNOWN;
        }
        ProviderRef r = target.get();
        String now = Instant.now(clock).toString();
        boolean applied = apply(r.communicationId(), r.index(), receipt, now);
        if (!applied) { // an applied receipt's event was written with the move
            events.append(r.communicationId(), r.index(), receipt, false, now);
        }
        if (isRead(receipt)) {
            read.fire(new RecipientRead(
                    r.communicationId(),
                    r.index(),
                    receipt.channel(),
                    receipt.occurredAt() == null ? now : receipt.occurredAt()));
        }
        return applied ? Result.APPLIED : Result.RECORDED;
    }

    /** WhatsApp's {@code read} status and SES's {@code Open} event: the person opened the message. */
    private static boolean isRead(Receipt receipt) {
        return receipt.outcome() == ReceiptOutcome.Event
                && ("read".equalsIgnoreCase(receipt.rawStatus()) || "Open".equalsIgnoreCase(receipt.rawStatus()));
    }

    /** Which recipient the receipt is for; its status is read (if need be) by {@link #apply}. */
    private Optional<ProviderRef> find(Receipt receipt) {
        if (receipt.communicationTag() != null && receipt.recipientTag() != null) {
            return Optional.of(new ProviderRef(receipt.channel(), receipt.communicationTag(), receipt.recipientTag()));
        }
        if (receipt.providerMessageId() != null) {
            var ref = providerRefs.find(receipt.providerMessageId());
            if (ref.isPresent()) {
                return ref;
            }
        }
        if (receipt.communicationTag() != null && receipt.address() != null) {
            return views.recipientByAddress(receipt.communicationTag(), receipt.channel(), receipt.address())
                    .map(r -> new ProviderRef(r.channel(), r.communicationId(), r.index()));
        }
        return Optional.empty();
    }

    /** Moves the recipient forward if the receipt asks for a later status; false when it changed nothing. */
    private boolean apply(String id, int index, Receipt receipt, String now) {
        RecipientStatus to = receipt.outcome() == ReceiptOutcome.Delivered
                ? RecipientStatus.Delivered
                : receipt.outcome() == ReceiptOutcome.Failed ? RecipientStatus.Failed : null;
        if (to == null) {
            return false;
        }
        Map<String, String> attributes = to == RecipientStatus.Delivered
                ? Map.of("deliveredAt", receipt.occurredAt() == null ? now : receipt.occurredAt())
                : Map.of("reason", receipt.reason() == null ? receipt.rawStatus() : receipt.reason());
        Map<String, AttributeValue> event = DynamoDeliveryEventStore.entry(index, receipt, true, now);
        // most receipts find their recipient Sent: try that move first and read only when it was not
        if (to == RecipientStatus.Delivered
                && moves.moveCoalesced(
                        id, new ChunkMove(index, RecipientStatus.Sent, to, attributes, Map.of(), null, event), now)) {
            return true;
        }
        for (int attempt = 0; attempt < RACE_RETRIES; attempt++) {
            Optional<StoredRecipient> current = store.recipient(id, index);
            if (current.isEmpty() || current.get().status().isTerminal()) {
                return false; // forward only: a late or duplicate receipt leaves a settled recipient alone
            }
            StoredRecipient c = current.get();
            if (to == RecipientStatus.Failed) {
                fallbacks.beforeFailing(id, index); // a bounce: the next channel of the chain takes over
            }
            Map<String, String> set = attributes;
            if (c.status() != RecipientStatus.Sent && receipt.providerMessageId() != null) {
                // the provider took it but its Sent write never landed (DynamoDB went away): keep its id
                set = new HashMap<>(attributes);
                set.put("providerMessageId", receipt.providerMessageId());
            }
            if (!moves.moveAll(
                            id, List.of(new ChunkMove(index, c.status(), to, set, Map.of(), c.attempts(), event)), now)
                    .isEmpty()) {
                return true;
            }
            // the pipeline moved it between our read and our write: read again
        }
        return false;
    }
}
