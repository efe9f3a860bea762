package com.switchboard.communication;

import jakarta.json.bind.annotation.JsonbCreator;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The body of {@code POST /communications/send}, in the seed's shape. Enumerations and times are
 * strings here so that a wrong value is reported against its field rather than as unreadable JSON.
 * {@code mode} is {@code first-success} (default: one channel, then the {@code fallback} channels in
 * order, each after the previous failed or was not Delivered within {@code escalateAfter}, an
 * ISO-8601 duration) or {@code all} (every listed channel at once). {@code correlationId} is the
 * caller's own reference, stored and echoed in the answer, the tracking views and every webhook event.
 * {@code category} is {@code service} (default) or {@code marketing}: marketing email carries a
 * one-click unsubscribe, and an address unsubscribed from marketing still gets service messages.
 * {@code attachments} are ids of documents uploaded before ({@code POST /communications/attachments}).
 */
@Schema(
        description = "A communication to send: a message and recipients or stakeholderIds",
        requiredProperties = "message")
public record SendRequest(
        String vehicleId,
        String customerId,
        List<String> channels,
        String primaryChannel,
        Message message,
        List<Recipient> recipients,
        List<String> stakeholderIds,
        String scheduledAt,
        String urgency,
        List<String> fallback,
        String escalateAfter,
        String mode,
        String correlationId,
        String category,

        @Schema(
                description = "Ids of documents uploaded with POST /communications/attachments; an "
                        + "integration client may name only its own uploads")
        List<String> attachments) {

    /** The constructor JSON-B reads the body with; without the mark it refuses a record with several. */
    @JsonbCreator
    public SendRequest {}

    /** A request without attachments. */
    public SendRequest(
            String vehicleId,
            String customerId,
            List<String> channels,
            String primaryChannel,
            Message message,
            List<Recipient> recipients,
            List<String> stakeholderIds,
            String scheduledAt,
            String urgency,
            List<String> fallback,
            String escalateAfter,
            String mode,
            String correlationId,
            String category) {
        this(
                vehicleId,
                customerId,
                channels,
                primaryChannel,
                message,
                recipients,
                stakeholderIds,
                scheduledAt,
                urgency,
                fallback,
                escalateAfter,
                mode,
                correlationId,
                category,
                null);
    }

    /** Whether this is marketing ({@code category: marketing}), which an unsubscribed address does not get; else service. */
    public boolean marketing() {
        return "marketing".equalsIgnoreCase(category == null ? null : category.trim());
    }

    /** What to say: literal subject and content, or a template with its variables. */
    public record Message(
            String subject, String content, String templateId, String locale, Map<String, Object> variables) {}

    /**
     * Someone to reach on a channel at an address, optionally naming the stakeholder;
     * {@code fallbacks} are the channels and addresses to try next, in order.
     */
    public record Recipient(String channel, String address, String stakeholderId, List<Fallback> fallbacks) {}

    /** A further channel and address for an explicit recipient. */
    public record Fallback(String channel, String address) {}
}
