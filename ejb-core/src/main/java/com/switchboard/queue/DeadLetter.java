package com.switchboard.queue;

/**
 * A delivery ticket parked on the dead-letter queue: which recipient it was for, the queue it
 * failed on, how often it was delivered, why its last delivery failed and when it was parked.
 * Messages the messaging engine moved itself carry only what the engine recorded.
 */
public record DeadLetter(
        String messageId,
        String communicationId,
        Integer recipientIndex,
        String queue,
        Integer deliveries,
        String reason,
        String parkedAt) {}
