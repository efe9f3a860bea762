package com.switchboard.communication;

import java.util.List;

/**
 * One recipient of a communication as the API shows it. {@code rule} says what chose its channel;
 * {@code segments} is the number of SMS parts the provider accepted (absent on other channels and
 * before sending). {@code previousIndex} and {@code nextIndex} link the attempts of one fallback
 * chain; {@code fallbacks} are the channels still to try after this one. A recipient held back stays
 * {@code Pending} with {@code heldFor} ({@code digest} or {@code quiet-hours}) and {@code heldUntil},
 * when its digest goes out or its quiet hours end; {@code digestCommunicationId} names the digest
 * communication that carried it.
 */
public record RecipientView(
        int index,
        String channel,
        String address,
        String stakeholderId,
        String rule,
        String status,
        String sentAt,
        String deliveredAt,
        String providerMessageId,
        String reason,
        int attempts,
        String updatedAt,
        Integer segments,
        Integer previousIndex,
        Integer nextIndex,
        List<SendRequest.Fallback> fallbacks,
        String heldFor,
        String heldUntil,
        String digestCommunicationId) {}
