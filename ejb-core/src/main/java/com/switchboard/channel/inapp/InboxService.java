package com.switchboard.channel.inapp;

import com.switchboard.communication.ChunkMove;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.RecipientMoves;
import com.switchboard.communication.RecipientStatus;
import com.switchboard.document.DocumentRef;
import com.switchboard.document.DocumentService;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a signed-in user does with their inbox, over REST or their socket: list it, count the
 * unread, mark notes seen, read or archived, acknowledge a pushed note. Every call is scoped to the
 * caller's own inbox; another user's note is "not found", never "forbidden". Any of these acts on a
 * note proves the user's client has it, so each also moves the recipient {@code Sent → Delivered}
 * (conditioned on {@code Sent}: a repeat changes nothing). A note's attachments download for its
 * user only.
 */
@ApplicationScoped
public class InboxService {
    public static final int MAX_PAGE = 100;
    private static final int SHOWN_ON_CONNECT = 50;

    @Inject
    DynamoInboxStore inbox;

    @Inject
    DynamoCommunicationStore communications;

    @Inject
    RecipientMoves moves;

    @Inject
    DocumentService documents;

    @Inject
    Clock clock;

    public InboxPage page(String userId, Integer limit, String next) {
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > MAX_PAGE) {
            throw InvalidRequestException.invalid("limit", "must be between 1 and " + MAX_PAGE);
        }
        String afterSk = null;
        if (next != null && !next.isBlank()) {
            afterSk = InboxCursor.decode(next)
                    .orElseThrow(() -> InvalidRequestException.invalid("next", "not a cursor this inbox handed out"));
        }
        return inbox.page(userId, size, afterSk);
    }

    public long unreadCount(String userId) {
        return inbox.unreadCount(userId);
    }

    /** The unread notes a client that just connected is sent, oldest first. */
    public List<InboxNote> unreadOnConnect(String userId) {
        return inbox.unread(userId, SHOWN_ON_CONNECT);
    }

    public InboxNote seen(String userId, String noteId) {
        return confirmed(move(userId, noteId, EnumSet.of(NoteState.unseen), NoteState.seen, "seenAt")
                .orElseThrow(() -> new NotFoundException("notification", noteId)));
    }

    public InboxNote read(String userId, String noteId) {
        return confirmed(move(userId, noteId, EnumSet.of(NoteState.unseen, NoteState.seen), NoteState.read, "readAt")
                .orElseThrow(() -> new NotFoundException("notification", noteId)));
    }

    public InboxNote archive(String userId, String noteId) {
        return confirmed(move(
                        userId,
                        noteId,
                        EnumSet.of(NoteState.unseen, NoteState.seen, NoteState.read),
                        NoteState.archived,
                        "archivedAt")
                .orElseThrow(() -> new NotFoundException("notification", noteId)));
    }

    /**
     * Attachment {@code documentId} of the caller's note {@code noteId}: one GetItem for the note (the
     * owner's inbox is the key, so another user's note is not found), then the document's. Not found
     * unless the note is the caller's and carries that document.
     */
    public DocumentService.Download attachment(String userId, String noteId, String documentId) {
        DocumentRef ref = inbox.find(userId, noteId)
                .flatMap(note -> note.attachment(documentId))
                .orElseThrow(() -> new NotFoundException("attachment", documentId));
        return documents.download(ref.id());
    }

    /** The client's ack over the socket: the note is seen; false when the user has no such note. */
    public boolean acknowledge(String userId, String noteId) {
        Optional<InboxNote> note = move(userId, noteId, EnumSet.of(NoteState.unseen), NoteState.seen, "seenAt");
        note.ifPresent(this::confirmed);
        return note.isPresent();
    }

    private Optional<InboxNote> move(
            String userId, String noteId, EnumSet<NoteState> from, NoteState to, String stamp) {
        return inbox.move(userId, noteId, from, to, stamp, now());
    }

    /**
     * Moves the note's recipient to Delivered once: from Sent, or from Pending when the note is read
     * before its chunk's Sent write (made when the chunk's deliveries end); any other state is left.
     */
    private InboxNote confirmed(InboxNote note) {
        // a note's recipient is in-app; the move's condition (still Sent) needs no read first
        String id = note.communicationId();
        int index = note.recipientIndex();
        String now = now();
        Map<String, String> deliveredAt = Map.of("deliveredAt", now);
        if (!moves.moveCoalesced(
                id, new ChunkMove(index, RecipientStatus.Sent, RecipientStatus.Delivered, deliveredAt, null), now)) {
            communications
                    .recipient(id, index)
                    .filter(r -> r.status() == RecipientStatus.Pending)
                    .ifPresent(r -> moves.moveAll(
                            id,
                            List.of(new ChunkMove(
                                    index, RecipientStatus.Pending, RecipientStatus.Delivered, deliveredAt, null)),
                            now));
        }
        return note;
    }

    private String now() {
        return Instant.now(clock).toString();
    }
}
