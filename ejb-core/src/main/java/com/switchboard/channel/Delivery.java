package com.switchboard.channel;

import com.switchboard.document.DocumentRef;
import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;
import java.time.Instant;
import java.util.List;

/**
 * One message to one recipient on one channel. {@code deliveryId} is stable across retries and
 * redeliveries, so a provider that supports it can deduplicate. {@code template} is the
 * provider-side template to use where the provider needs one (WhatsApp outside the 24-hour
 * window), or null. {@code queuedAt} is when its ticket was queued, the same in every redelivery
 * of that ticket (a store that keys what it writes by it writes the same item again), or null
 * when unknown (a test send). {@code marketing}: the communication is marketing (an email then
 * carries a one-click unsubscribe), not a service message. {@code attachments} are the documents
 * the communication carries (references; each provider fetches bytes or signs links as it needs).
 */
public record Delivery(
        String communicationId,
        int recipientIndex,
        Channel channel,
        String address,
        RenderedMessage message,
        ProviderTemplate template,
        Instant queuedAt,
        boolean marketing,
        List<DocumentRef> attachments) {

    public Delivery {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public Delivery(
            String communicationId,
            int recipientIndex,
            Channel channel,
            String address,
            RenderedMessage message,
            ProviderTemplate template,
            Instant queuedAt,
            boolean marketing) {
        this(communicationId, recipientIndex, channel, address, message, template, queuedAt, marketing, List.of());
    }

    public Delivery(
            String communicationId,
            int recipientIndex,
            Channel channel,
            String address,
            RenderedMessage message,
            ProviderTemplate template) {
        this(communicationId, recipientIndex, channel, address, message, template, null, false);
    }

    public String deliveryId() {
        return deliveryId(communicationId, recipientIndex);
    }

    /** The id of recipient {@code recipientIndex}'s delivery of communication {@code communicationId}. */
    public static String deliveryId(String communicationId, int recipientIndex) {
        return communicationId + "-" + recipientIndex;
    }
}
