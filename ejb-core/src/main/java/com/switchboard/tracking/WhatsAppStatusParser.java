package com.switchboard.tracking;

import static com.switchboard.tracking.JsonFields.object;
import static com.switchboard.tracking.JsonFields.text;

import com.switchboard.channel.Channel;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Reads one WhatsApp Cloud API status ({@code entry[].changes[].value.statuses[]}) into a
 * {@link Receipt}: {@code delivered} → Delivered, {@code failed} → Failed with the first error's
 * title and code as the reason; {@code sent}, {@code read} and anything newer are events only
 * (read says the person opened it, which is no delivery state). {@code id} is the wamid the send
 * returned, stored as the recipient's providerMessageId.
 */
public final class WhatsAppStatusParser {
    private WhatsAppStatusParser() {}

    public static Optional<Receipt> parse(JsonObject status) {
        // our delivery id, sent as biz_opaque_callback_data and echoed in every status of the message
        return receipt(status).map(r -> r.taggedWithDeliveryId(text(status, "biz_opaque_callback_data")));
    }

    private static Optional<Receipt> receipt(JsonObject status) {
        String wamid = text(status, "id");
        String state = text(status, "status");
        if (wamid == null || state == null) {
            return Optional.empty();
        }
        String recipient = text(status, "recipient_id");
        String address = recipient == null ? null : "+" + recipient;
        String at = epochSeconds(text(status, "timestamp"));
        switch (state) {
            case "delivered":
                return Optional.of(new Receipt(
                        Channel.WhatsApp, wamid, null, address, ReceiptOutcome.Delivered, state, at, null, List.of()));
            case "failed":
                return Optional.of(new Receipt(
                        Channel.WhatsApp,
                        wamid,
                        null,
                        address,
                        ReceiptOutcome.Failed,
                        state,
                        at,
                        reason(status),
                        List.of()));
            default: // sent, read, deleted, warning: on the trail, never a status
                return Optional.of(new Receipt(
                        Channel.WhatsApp, wamid, null, address, ReceiptOutcome.Event, state, at, null, List.of()));
        }
    }

    /** {@code Message undeliverable (131026)}; Meta's details add nothing a CSR can act on and may be long. */
    private static String reason(JsonObject status) {
        JsonObject error = status.get("errors") instanceof JsonArray errors
                        && !errors.isEmpty()
                        && errors.get(0) instanceof JsonObject first
                ? first
                : null;
        if (error == null) {
            return "failed";
        }
        String title = text(error, "title") != null ? text(error, "title") : text(error, "message");
        String code = text(error, "code");
        String details = text(object(error, "error_data"), "details");
        String what = title != null ? title : details != null ? details : "failed";
        return code == null ? what : what + " (" + code + ")";
    }

    private static String epochSeconds(String timestamp) {
        if (timestamp == null || !timestamp.matches("[0-9]{1,12}")) {
            return null;
        }
        return Instant.ofEpochSecond(Long.parseLong(timestamp)).toString();
    }
}
