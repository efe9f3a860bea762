package com.switchboard.tracking;

import com.switchboard.channel.Channel;
import java.util.List;

/**
 * One provider receipt, already read from the provider's own format. Where the provider echoes our
 * ids back ({@code communicationTag} and {@code recipientTag}: SES message tags, WhatsApp callback
 * data) they name the recipient without a lookup; otherwise {@code providerMessageId} finds it
 * through its {@code PROVIDERMSG} reference, and {@code communicationTag} with {@code address} is
 * the fallback when the reference is missing. {@code suppress} lists the
 * addresses that must not be sent to again (hard bounce, complaint).
 */
public record Receipt(
        Channel channel,
        String providerMessageId,
        String communicationTag,
        String address,
        ReceiptOutcome outcome,
        String rawStatus,
        String occurredAt,
        String reason,
        List<String> suppress,
        Integer recipientTag) {

    public Receipt {
        suppress = suppress == null ? List.of() : List.copyOf(suppress);
    }

    public Receipt(
            Channel channel,
            String providerMessageId,
            String communicationTag,
            String address,
            ReceiptOutcome outcome,
            String rawStatus,
            String occurredAt,
            String reason,
            List<String> suppress) {
        this(
                channel,
                providerMessageId,
                communicationTag,
                address,
                outcome,
                rawStatus,
                occurredAt,
                reason,
                suppress,
                null);
    }

    /** This receipt naming our recipient, as the provider echoed it back (a message tag, callback data). */
    public Receipt tagged(String communicationId, Integer index) {
        return new Receipt(
                channel,
                providerMessageId,
                communicationId,
                address,
                outcome,
                rawStatus,
                occurredAt,
                reason,
                suppress,
                index);
    }

    /**
     * Reads our delivery id ({@code <communicationId>-<index>}) echoed back by a provider; this
     * receipt unchanged when there is none or it does not read as one.
     */
    public Receipt taggedWithDeliveryId(String deliveryId) {
        int dash = deliveryId == null ? -1 : deliveryId.lastIndexOf('-');
        if (dash <= 0) {
            return this;
        }
        try {
            return tagged(deliveryId.substring(0, dash), Integer.valueOf(deliveryId.substring(dash + 1)));
        } catch (NumberFormatException notOurs) {
            return this;
        }
    }
}
