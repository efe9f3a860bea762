package com.switchboard.communication;

/** One recipient of a communication as the API shows it; {@code rule} says what chose its channel. */
public record RecipientView(int index, String channel, String address, String stakeholderId, String rule, String status,
        String sentAt, String deliveredAt, String providerMessageId, String reason, int attempts, String updatedAt) {
}
