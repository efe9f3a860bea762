package com.switchboard.integration;

import com.switchboard.conversation.ThreadMessage;
import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The body of an {@code inbound} webhook: a customer's message, in the Standard Webhooks shape like
 * {@link WebhookEvent}; {@code inReplyTo} is the communication it most likely answers.
 */
@JsonbPropertyOrder({"type", "timestamp", "data"})
public record InboundWebhookEvent(String type, String timestamp, Data data) {

    /** The message and the conversation it belongs to. */
    @JsonbPropertyOrder({"threadId", "channel", "from", "stakeholderId", "messageId", "text", "media", "inReplyTo"})
    public record Data(
            String threadId,
            String channel,
            String from,
            String stakeholderId,
            String messageId,
            String text,
            ThreadMessage.Media media,
            String inReplyTo) {}
}
