package com.switchboard.communication;

import com.switchboard.channel.Channel;

/**
 * A recipient's status was written: the CDI event {@link DynamoCommunicationStore#transition} fires
 * after its conditional update succeeded, so observers (outbound webhooks) see each move exactly
 * once and never one that lost a race. {@code reason} is set for a failure.
 */
public record RecipientStatusChanged(String communicationId, int index, Channel channel, RecipientStatus status,
        String reason, String at) {
}
