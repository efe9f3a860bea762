package com.switchboard.channel.inapp;

import com.switchboard.document.DocumentRef;
import java.util.List;

/**
 * One in-app notification in a user's inbox. {@code id} ({@code <queued epoch ms>-<communicationId>-<recipientIndex>})
 * is stable across redeliveries of its ticket and URL-safe, so it is both the provider message id
 * on the recipient and the id clients acknowledge; it names the note's sort key. {@code attachments}
 * are the communication's documents, which only the note's user downloads through it.
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
        String readAt,
        List<DocumentRef> attachments) {

    public InboxNote {
        attachments = attachments == null ? List.of() : List.copyOf(attachments);
    }

    public InboxNote(
            String userId,
            String id,
            String communicationId,
            int recipientIndex,
            String subject,
            String text,
            String createdAt,
            NoteState state,
            String seenAt,
            String readAt) {
        this(userId, id, communicationId, recipientIndex, subject, text, createdAt, state, seenAt, readAt, List.of());
    }

    /** The attachment {@code documentId} of this note, if it carries one. */
    public java.util.Optional<DocumentRef> attachment(String documentId) {
        return attachments.stream().filter(a -> a.id().equals(documentId)).findFirst();
    }
}
