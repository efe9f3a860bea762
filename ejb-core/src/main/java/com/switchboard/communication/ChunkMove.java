package com.switchboard.communication;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * One recipient's move from {@code from} to {@code to}, with the attributes it sets (strings and
 * numbers), the provider attempts made so far (null leaves them as they are) and the receipt that
 * made it, appended to the recipient's {@code events} in the same write (null for none). Moves of
 * one recipient chunk are written together ({@link DynamoCommunicationStore#moveAll}).
 */
public record ChunkMove(
        int index,
        RecipientStatus from,
        RecipientStatus to,
        Map<String, String> attributes,
        Map<String, Long> numbers,
        Integer attempts,
        Map<String, AttributeValue> event) {

    public ChunkMove {
        attributes = Map.copyOf(attributes);
        numbers = Map.copyOf(numbers);
    }

    public ChunkMove(
            int index,
            RecipientStatus from,
            RecipientStatus to,
            Map<String, String> attributes,
            Map<String, Long> numbers,
            Integer attempts) {
        this(index, from, to, attributes, numbers, attempts, null);
    }

    public ChunkMove(
            int index, RecipientStatus from, RecipientStatus to, Map<String, String> attributes, Integer attempts) {
        this(index, from, to, attributes, Map.of(), attempts, null);
    }
}
