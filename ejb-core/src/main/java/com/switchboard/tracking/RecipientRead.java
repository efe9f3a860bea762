package com.switchboard.tracking;

import com.switchboard.channel.Channel;

/**
 * A provider said the person opened the message (WhatsApp {@code read}, SES {@code Open}): no
 * status change, but a CDI event {@link ReceiptService} fires for the outbound webhooks.
 */
public record RecipientRead(String communicationId, int index, Channel channel, String at) {}
