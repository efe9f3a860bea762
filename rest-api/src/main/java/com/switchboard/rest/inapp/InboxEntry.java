package com.switchboard.rest.inapp;

import com.switchboard.channel.inapp.InboxNote;
import java.util.List;

/**
 * An inbox note as the REST API shows it to its owner; each attachment with the URL that downloads
 * it for the owner ({@code /communications/inapp/<id>/attachments/<documentId>}).
 */
public record InboxEntry(
        String id,
        String communicationId,
        String subject,
        String text,
        String createdAt,
        String state,
        String seenAt,
        String readAt,
        List<Attachment> attachments) {

    /** A document the note carries and where its user downloads it. */
    public record Attachment(String id, String filename, String contentType, long size, String url) {}

    static InboxEntry of(InboxNote n) {
        return new InboxEntry(
                n.id(),
                n.communicationId(),
                n.subject(),
                n.text(),
                n.createdAt(),
                n.state().name(),
                n.seenAt(),
                n.readAt(),
                attachments(n));
    }

    static List<Attachment> attachments(InboxNote n) {
        return n.attachments().stream()
                .map(a -> new Attachment(
                        a.id(),
                        a.filename(),
                        a.contentType(),
                        a.size(),
                        "/communications/inapp/" + n.id() + "/attachments/" + a.id()))
                .toList();
    }
}
