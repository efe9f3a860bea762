package com.switchboard.communication;

import java.util.Map;

/**
 * One recipient's move from {@code from} to {@code to}, with the attributes it sets (strings and
 * numbers) and the provider attempts made so far (null leaves them as they are). Moves of one
 * recipient chunk are written together ({@link DynamoCommunicationStore#moveAll}).
 */
public record ChunkMove(int index, RecipientStatus from, RecipientStatus to, Map<String, String> attributes,
        Map<String, Long> numbers, Integer attempts) {

    public ChunkMove {
        attributes = Map.copyOf(attributes);
        numbers = Map.copyOf(numbers);
    }

    public ChunkMove(int index, RecipientStatus from, RecipientStatus to, Map<String, String> attributes, Integer attempts) {
        this(index, from, to, attributes, Map.of(), attempts);
    }
}
