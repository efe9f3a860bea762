package com.switchboard.communication;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A recipient's status changed (fired synchronously by {@link DynamoCommunicationStore} after the
 * conditional update): {@code item} is the recipient item as written, for observers such as the
 * digest, whose original recipients follow the outcome of the digest message.
 */
public record RecipientMoved(String communicationId, int index, RecipientStatus from, RecipientStatus to,
        Map<String, AttributeValue> item) {
}
