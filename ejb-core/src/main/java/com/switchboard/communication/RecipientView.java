package com.switchboard.communication;

/**
 * One recipient of a communication as the API shows it. {@code segments} is the number of SMS
 * parts the provider accepted (absent on other channels and before sending).
 */
public record RecipientView(int index, String channel, String address, String stakeholderId, String status,
        String sentAt, String deliveredAt, String providerMessageId, String reason, int attempts, String updatedAt,
        Integer segments) {

    /** A recipient without usage counts. */
    public RecipientView(int index, String channel, String address, String stakeholderId, String status,
            String sentAt, String deliveredAt, String providerMessageId, String reason, int attempts, String updatedAt) {
        this(index, channel, address, stakeholderId, status, sentAt, deliveredAt, providerMessageId, reason, attempts,
                updatedAt, null);
    }
}
