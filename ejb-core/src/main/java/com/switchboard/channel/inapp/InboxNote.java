package com.switchboard.channel.inapp;

/**
 * One in-app notification in a user's inbox. {@code id} is the delivery id
 * ({@code <communicationId>-<recipientIndex>}): stable across redeliveries and URL-safe, so it is
 * both the provider message id on the recipient and the id clients acknowledge.
 */
public record InboxNote(String userId, String id, String communicationId, int recipientIndex, String subject,
        String text, String createdAt, NoteState state, String seenAt, String readAt) {
}
