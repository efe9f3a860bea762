package com.switchboard.channel;

import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;

/**
 * One message to one recipient on one channel. {@code deliveryId} is stable across retries and
 * redeliveries, so a provider that supports it can deduplicate. {@code template} is the
 * provider-side template to use where the provider needs one (WhatsApp outside the 24-hour
 * window), or null.
 */
public record Delivery(String communicationId, int recipientIndex, Channel channel, String address,
        RenderedMessage message, ProviderTemplate template) {

    public String deliveryId() {
        return communicationId + "-" + recipientIndex;
    }
}
