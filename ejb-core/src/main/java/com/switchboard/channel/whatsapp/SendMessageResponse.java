package com.switchboard.channel.whatsapp;

import jakarta.json.bind.annotation.JsonbProperty;
import java.util.List;

/** The Graph API's answer to an accepted message: the contact it resolved and the {@code wamid.} message id. */
public record SendMessageResponse(
        @JsonbProperty("messaging_product") String messagingProduct, List<Contact> contacts, List<Message> messages) {

    public record Contact(
            String input, @JsonbProperty("wa_id") String waId) {}

    public record Message(String id) {}

    /** The message id the status webhooks will name, or empty when the answer carried none. */
    public java.util.Optional<String> messageId() {
        return messages == null
                ? java.util.Optional.empty()
                : messages.stream()
                        .map(Message::id)
                        .filter(id -> id != null && !id.isBlank())
                        .findFirst();
    }
}
