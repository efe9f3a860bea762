package com.switchboard.channel;

import com.switchboard.template.RenderedMessage;

/**
 * One message to one recipient on one channel. {@code deliveryId} is stable across retries and
 * redeliveries, so a provider that supports it can deduplicate.
 */
public record Delivery(String communicationId, int recipientIndex, Channel channel, String address,
        RenderedMessage message) {

    public String deliveryId() {
        return communicationId + "-" + recipientIndex;
    }
}
