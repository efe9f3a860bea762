package com.switchboard.integration;

import jakarta.json.bind.annotation.JsonbPropertyOrder;

/**
 * The body of a webhook POST, in the Standard Webhooks shape: {@code type}, {@code timestamp} (when
 * the event happened) and {@code data}. Absent values (a reason on success, a correlation id the
 * sender did not give) are left out.
 */
@JsonbPropertyOrder({"type", "timestamp", "data"})
public record WebhookEvent(String type, String timestamp, Data data) {

    /** The recipient the event is about. */
    @JsonbPropertyOrder({"communicationId", "recipientIndex", "channel", "status", "reason", "correlationId"})
    public record Data(
            String communicationId,
            int recipientIndex,
            String channel,
            String status,
            String reason,
            String correlationId) {}
}
