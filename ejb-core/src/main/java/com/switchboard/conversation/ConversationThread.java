package com.switchboard.conversation;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * A conversation with one number on one channel (SMS or WhatsApp), named for the stakeholder whose
 * preferences give that number, or for the number alone when no stakeholder has it. {@code unread}
 * counts the customer's messages since a CSR last read it; {@code windowClosesAt} (WhatsApp) is when
 * free text can no longer be sent: 24 hours after the customer's last message.
 */
@JsonbPropertyOrder({
    "id",
    "channel",
    "number",
    "stakeholderId",
    "stakeholderType",
    "displayName",
    "unread",
    "lastAt",
    "lastDirection",
    "lastText",
    "lastInboundAt",
    "windowClosesAt"
})
public record ConversationThread(
        String id,
        String channel,
        String number,
        String stakeholderId,
        String stakeholderType,
        String displayName,
        int unread,
        String lastAt,
        String lastDirection,
        String lastText,
        String lastInboundAt,
        String windowClosesAt) {

    /** Who it is with, as the console names it. */
    public String title() {
        return displayName != null ? displayName : stakeholderId != null ? stakeholderId : number;
    }
}
