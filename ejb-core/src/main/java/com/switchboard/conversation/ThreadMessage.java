package com.switchboard.conversation;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * One message of a conversation: {@code in} (the customer's, with its {@code inReplyTo}, the
 * communication it most likely answers) or {@code out} (one of ours: a recipient of a communication,
 * a CSR's reply among them). Outbound text is the communication's text as rendered for every
 * recipient.
 */
@JsonbPropertyOrder({
    "id",
    "direction",
    "at",
    "text",
    "media",
    "communicationId",
    "recipientIndex",
    "providerMessageId",
    "inReplyTo",
    "threadId"
})
public record ThreadMessage(
        String id,
        String direction,
        String at,
        String text,
        Media media,
        String communicationId,
        Integer recipientIndex,
        String providerMessageId,
        String inReplyTo,
        String threadId) {

    public static final String IN = "in";
    public static final String OUT = "out";

    /**
     * What a media message carried: its type ({@code image}, {@code document}, {@code audio},
     * {@code video}, {@code sticker}, {@code location}...), the provider's media id to download it by,
     * its MIME type, caption and file name where given.
     */
    @JsonbPropertyOrder({"type", "mediaId", "mimeType", "caption", "filename"})
    public record Media(String type, String mediaId, String mimeType, String caption, String filename) {}
}
