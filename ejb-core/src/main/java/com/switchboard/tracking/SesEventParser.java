package com.switchboard.tracking;

import static com.switchboard.tracking.JsonFields.object;
import static com.switchboard.tracking.JsonFields.text;
import static com.switchboard.tracking.JsonFields.texts;

import com.switchboard.channel.Channel;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.Optional;

/**
 * Reads an Amazon SES event (event publishing: {@code eventType}; the older notification format:
 * {@code notificationType}) into a {@link Receipt}. Delivery → Delivered; Bounce, Reject and
 * Rendering Failure → Failed; Permanent bounces and complaints also suppress the address; Send,
 * DeliveryDelay, Open, Click and Complaint are events only.
 */
public final class SesEventParser {
    /** The SES message tag carrying our communication id ({@code X-SES-MESSAGE-TAGS}). */
    public static final String COMMUNICATION_TAG = "communicationId";
    /** The SES message tag carrying the recipient's index in its communication. */
    public static final String RECIPIENT_TAG = "recipient";

    private SesEventParser() {}

    public static Optional<Receipt> parse(String json) {
        Optional<JsonObject> parsed = JsonFields.object(json);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        JsonObject event = parsed.get();
        String type = text(event, "eventType") != null ? text(event, "eventType") : text(event, "notificationType");
        JsonObject mail = object(event, "mail");
        String messageId = text(mail, "messageId");
        if (type == null || messageId == null) {
            return Optional.empty();
        }
        List<String> destination = texts(mail, "destination", null);
        List<String> tag = texts(object(mail, "tags"), COMMUNICATION_TAG, null);
        String address = destination.isEmpty() ? null : destination.get(0);
        String communication = tag.isEmpty() ? null : tag.get(0);
        List<String> recipient = texts(object(mail, "tags"), RECIPIENT_TAG, null);
        Receipt receipt = receipt(type, event, messageId, communication, address, text(mail, "timestamp"));
        return Optional.of(
                recipient.isEmpty() || communication == null
                        ? receipt
                        : receipt.taggedWithDeliveryId(communication + "-" + recipient.get(0)));
    }

    private static Receipt receipt(String type, JsonObject e, String id, String tag, String address, String mailTime) {
        switch (type) {
            case "Delivery": {
                JsonObject d = object(e, "delivery");
                return new Receipt(
                        Channel.Email,
                        id,
                        tag,
                        address,
                        ReceiptOutcome.Delivered,
                        type,
                        at(d, mailTime),
                        text(d, "smtpResponse"),
                        List.of());
            }
            case "Bounce": {
                JsonObject b = object(e, "bounce");
                String bounceType = text(b, "bounceType");
                List<String> bounced = texts(b, "bouncedRecipients", "emailAddress");
                List<String> diagnostics = texts(b, "bouncedRecipients", "diagnosticCode");
                String reason = "bounce " + bounceType + "/" + text(b, "bounceSubType")
                        + (diagnostics.isEmpty() ? "" : ": " + diagnostics.get(0));
                return new Receipt(
                        Channel.Email,
                        id,
                        tag,
                        address,
                        ReceiptOutcome.Failed,
                        type + "/" + bounceType,
                        at(b, mailTime),
                        reason,
                        "Permanent".equals(bounceType) ? bounced : List.of());
            }
            case "Complaint": {
                JsonObject c = object(e, "complaint");
                return new Receipt(
                        Channel.Email,
                        id,
                        tag,
                        address,
                        ReceiptOutcome.Event,
                        type,
                        at(c, mailTime),
                        "complaint " + text(c, "complaintFeedbackType"),
                        texts(c, "complainedRecipients", "emailAddress"));
            }
            case "Reject":
                return new Receipt(
                        Channel.Email,
                        id,
                        tag,
                        address,
                        ReceiptOutcome.Failed,
                        type,
                        mailTime,
                        "rejected by SES: " + text(object(e, "reject"), "reason"),
                        List.of());
            case "Rendering Failure":
            case "RenderingFailure":
                return new Receipt(
                        Channel.Email,
                        id,
                        tag,
                        address,
                        ReceiptOutcome.Failed,
                        type,
                        mailTime,
                        "rendering failed: " + text(object(e, "failure"), "errorMessage"),
                        List.of());
            case "DeliveryDelay": {
                JsonObject d = object(e, "deliveryDelay");
                return new Receipt(
                        Channel.Email,
                        id,
                        tag,
                        address,
                        ReceiptOutcome.Event,
                        type,
                        at(d, mailTime),
                        text(d, "delayType"),
                        List.of());
            }
            default: // Send, Open, Click, Subscription and types added later: recorded, never a status
                JsonObject detail = object(e, type.toLowerCase(java.util.Locale.ROOT));
                return new Receipt(
                        Channel.Email,
                        id,
                        tag,
                        address,
                        ReceiptOutcome.Event,
                        type,
                        at(detail, mailTime),
                        text(detail, "link"),
                        List.of());
        }
    }

    private static String at(JsonObject detail, String fallback) {
        String t = text(detail, "timestamp");
        return t != null ? t : fallback;
    }
}
