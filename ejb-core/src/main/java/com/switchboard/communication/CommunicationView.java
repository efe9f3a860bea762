package com.switchboard.communication;

import com.switchboard.document.DocumentRef;
import java.util.List;
import java.util.Map;

/**
 * A communication with every recipient's state: the answer to {@code GET /communications/{id}}.
 * {@code dispatched} counts the recipients already handed to their channel's queue; {@code correlationId}
 * is the sender's own reference; {@code attachments} the documents it carries (references, never bytes).
 */
public record CommunicationView(
        String communicationId,
        String vehicleId,
        String customerId,
        List<String> channels,
        String primaryChannel,
        MessageView message,
        String urgency,
        String scheduledAt,
        String sentAt,
        String status,
        String createdAt,
        String createdBy,
        String correlationId,
        Map<String, Long> counts,
        long dispatched,
        List<RecipientView> recipients,
        List<DocumentRef> attachments) {

    /** The message as requested, with the template version it was rendered from. */
    public record MessageView(
            String subject, String content, String templateId, Integer templateVersion, String locale) {}
}
