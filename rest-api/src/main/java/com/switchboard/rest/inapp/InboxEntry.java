package com.switchboard.rest.inapp;

import com.switchboard.channel.inapp.InboxNote;

/** An inbox note as the REST API shows it to its owner. */
public record InboxEntry(
        String id,
        String communicationId,
        String subject,
        String text,
        String createdAt,
        String state,
        String seenAt,
        String readAt) {

    static InboxEntry of(InboxNote n) {
        return new InboxEntry(
                n.id(),
                n.communicationId(),
                n.subject(),
                n.text(),
                n.createdAt(),
                n.state().name(),
                n.seenAt(),
                n.readAt());
    }
}
