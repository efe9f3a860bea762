package com.switchboard.preference;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonString;
import java.io.StringReader;
import java.util.Optional;

/**
 * A customer's SMS to our number, as AWS End User Messaging two-way SMS publishes it to the SMS
 * events topic: {@code originationNumber} (theirs), {@code destinationNumber} (ours),
 * {@code messageBody}, {@code inboundMessageId} (null when absent).
 */
public record InboundSms(String from, String to, String text, String id) {

    public static Optional<InboundSms> parse(String json) {
        if (json == null || json.isBlank()) {
            return Optional.empty();
        }
        try (var reader = Json.createReader(new StringReader(json))) {
            if (!(reader.readValue() instanceof JsonObject o)) {
                return Optional.empty();
            }
            String from = text(o, "originationNumber");
            String body = text(o, "messageBody");
            return from == null || body == null || !from.matches("\\+[1-9][0-9]{6,14}")
                    ? Optional.empty()
                    : Optional.of(
                            new InboundSms(from, text(o, "destinationNumber"), body, text(o, "inboundMessageId")));
        } catch (JsonException | IllegalStateException notJson) {
            return Optional.empty();
        }
    }

    private static String text(JsonObject o, String name) {
        return o.get(name) instanceof JsonString s ? s.getString() : null;
    }
}
