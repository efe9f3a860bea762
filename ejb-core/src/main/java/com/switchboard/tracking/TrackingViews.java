package com.switchboard.tracking;

import com.switchboard.tracking.DynamoDeliveryEventStore.DeliveryEvent;
import java.util.List;
import java.util.Map;

/** The shapes {@code GET /communications/delivery-tracking} answers with. */
public final class TrackingViews {
    private TrackingViews() {}

    /** One communication with every recipient and its event trail (query by communicationId). */
    public record Timeline(
            String communicationId,
            String status,
            String createdAt,
            String correlationId,
            List<RecipientTimeline> recipients) {}

    /**
     * One recipient's current state and the receipts that arrived for it, oldest first; a recipient
     * held back has {@code heldFor} ({@code digest} or {@code quiet-hours}) and {@code heldUntil}.
     */
    public record RecipientTimeline(
            int index,
            String channel,
            String address,
            String status,
            String providerMessageId,
            String sentAt,
            String deliveredAt,
            String reason,
            String heldFor,
            String heldUntil,
            List<DeliveryEvent> events) {}

    /** One communication in a list page. */
    public record Summary(
            String communicationId,
            String status,
            List<String> channels,
            String customerId,
            String vehicleId,
            String createdAt,
            String scheduledAt,
            String sentAt,
            String correlationId,
            Map<String, Long> counts) {}

    /** A page of communications; {@code next} is the cursor of the following page, absent on the last. */
    public record Page(List<Summary> items, String next) {}
}
