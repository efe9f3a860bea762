package com.switchboard.channel.inapp;

/**
 * One in-app notification in a user's inbox. {@code id} ({@code <queued epoch ms>-<communicationId>-<recipientIndex>})
 * is stable across redeliveries of its ticket and URL-safe, so it is both the provider message id
 * on the recipient and the id clients acknowledge; it names the note's sort key.
 */
public record InboxNote(
        String userId,
        String id,
        String communicationId,
        int recipientIndex,
        String subject,
        String text,
        String createdAt,
        NoteState state,
        String seenAt,
        String readAt) {}
