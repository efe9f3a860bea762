package com.switchboard.rest.inapp;

import com.switchboard.channel.inapp.InboxNote;
import com.switchboard.rest.guard.JsonSyntax;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.json.bind.JsonbException;
import java.util.List;
import java.util.Optional;

/** The JSON spoken on {@code /ws/notifications}, as JSON-B records. */
public final class SocketMessages {
    private static final Jsonb JSON = JsonbBuilder.create();

    private SocketMessages() {}

    /** Server to client: one notification. */
    public record Notification(
            String type,
            String id,
            String communicationId,
            String subject,
            String text,
            String createdAt,
            List<InboxEntry.Attachment> attachments) {}

    /** Client to server: {@code {"type":"ack","id":...}}. */
    public record ClientMessage(String type, String id) {}

    static String notification(InboxNote note) {
        return JSON.toJson(new Notification(
                "notification",
                note.id(),
                note.communicationId(),
                note.subject(),
                note.text(),
                note.createdAt(),
                note.attachments().isEmpty() ? null : InboxEntry.attachments(note)));
    }

    /** The note id a client's text acknowledges, or empty when it is not an ack. */
    static Optional<String> ackedId(String text) {
        if (text == null || JsonSyntax.problem(text).isPresent()) {
            return Optional.empty(); // checked first: JSON-B can spin forever on some cut-off objects
        }
        try {
            ClientMessage m = JSON.fromJson(text, ClientMessage.class);
            return m != null && "ack".equals(m.type()) && m.id() != null ? Optional.of(m.id()) : Optional.empty();
        } catch (JsonbException | IllegalArgumentException notOurs) {
            return Optional.empty();
        }
    }
}
