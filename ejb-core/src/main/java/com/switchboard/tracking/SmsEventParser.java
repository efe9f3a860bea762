package com.switchboard.tracking;

import static com.switchboard.tracking.JsonFields.flag;
import static com.switchboard.tracking.JsonFields.number;
import static com.switchboard.tracking.JsonFields.object;
import static com.switchboard.tracking.JsonFields.text;

import com.switchboard.channel.Channel;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Reads an SMS delivery event into a {@link Receipt}, in either format AWS publishes to an SNS
 * topic: AWS End User Messaging SMS events ({@code eventType TEXT_*}, {@code messageStatus},
 * {@code messageId}) and the SNS SMS delivery-status log ({@code notification.messageId},
 * {@code status SUCCESS|FAILURE}, {@code delivery.providerResponse}). The message id is the one
 * {@code Publish} returned, stored as the recipient's providerMessageId.
 */
public final class SmsEventParser {
    /** End User Messaging states on the way to a final answer. */
    private static final Set<String> IN_FLIGHT = Set.of("PENDING", "QUEUED", "SUCCESSFUL");

    private SmsEventParser() {}

    public static Optional<Receipt> parse(String json) {
        Optional<JsonObject> parsed = JsonFields.object(json);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        JsonObject e = parsed.get();
        if (text(e, "messageStatus") != null && text(e, "messageId") != null) {
            return Optional.of(endUserMessaging(e));
        }
        JsonObject notification = object(e, "notification");
        if (notification != null && text(notification, "messageId") != null && text(e, "status") != null) {
            return Optional.of(deliveryStatusLog(e, notification));
        }
        return Optional.empty();
    }

    private static Receipt endUserMessaging(JsonObject e) {
        String status = text(e, "messageStatus");
        ReceiptOutcome outcome = "DELIVERED".equals(status)
                ? ReceiptOutcome.Delivered
                : IN_FLIGHT.contains(status) || !flag(e, "isFinal") ? ReceiptOutcome.Event : ReceiptOutcome.Failed;
        Long at = number(e, "eventTimestamp");
        return new Receipt(
                Channel.SMS,
                text(e, "messageId"),
                text(object(e, "context"), "communicationId"),
                text(e, "destinationPhoneNumber"),
                outcome,
                text(e, "eventType") + "/" + status,
                at == null ? null : Instant.ofEpochMilli(at).toString(),
                text(e, "messageStatusDescription"),
                List.of());
    }

    private static Receipt deliveryStatusLog(JsonObject e, JsonObject notification) {
        String status = text(e, "status");
        JsonObject delivery = object(e, "delivery");
        ReceiptOutcome outcome = "SUCCESS".equals(status)
                ? ReceiptOutcome.Delivered
                : "FAILURE".equals(status) ? ReceiptOutcome.Failed : ReceiptOutcome.Event;
        return new Receipt(
                Channel.SMS,
                text(notification, "messageId"),
                null,
                text(delivery, "destination"),
                outcome,
                status,
                isoTime(text(notification, "timestamp")),
                text(delivery, "providerResponse"),
                List.of());
    }

    /** The log writes {@code 2016-06-28 00:40:34.558} (UTC); the trail keeps ISO-8601. */
    private static String isoTime(String logTime) {
        return logTime == null ? null : logTime.replace(' ', 'T') + (logTime.endsWith("Z") ? "" : "Z");
    }
}
