package com.switchboard.communication;

import com.switchboard.channel.Channel;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A recipient's status was written: the CDI event {@link RecipientMoves} fires synchronously after
 * its conditional update succeeded, so observers (outbound webhooks, digest
 * outcomes) see each move exactly once and never one that lost a race. {@code reason} is set for a
 * failure; {@code item} is the recipient item as written.
 */
public record RecipientStatusChanged(
        String communicationId,
        int index,
        Channel channel,
        RecipientStatus from,
        RecipientStatus status,
        String reason,
        String at,
        Map<String, AttributeValue> item) {}
