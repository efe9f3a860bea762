package com.switchboard.tracking;

import com.switchboard.channel.Channel;
import java.util.List;

/**
 * One provider receipt, already read from the provider's own format. {@code providerMessageId}
 * finds the recipient through its {@code PROVIDERMSG} reference; {@code communicationTag} and
 * {@code address} are the fallback when the reference is missing. {@code suppress} lists the
 * addresses that must not be sent to again (hard bounce, complaint).
 */
public record Receipt(Channel channel, String providerMessageId, String communicationTag, String address,
        ReceiptOutcome outcome, String rawStatus, String occurredAt, String reason, List<String> suppress) {

    public Receipt {
        suppress = suppress == null ? List.of() : List.copyOf(suppress);
    }
}
