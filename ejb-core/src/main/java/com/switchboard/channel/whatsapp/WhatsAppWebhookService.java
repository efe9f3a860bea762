package com.switchboard.channel.whatsapp;

import com.switchboard.channel.Channel;
import com.switchboard.conversation.ConversationService;
import com.switchboard.conversation.InboundMessage;
import com.switchboard.conversation.ThreadMessage;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.preference.ConsentService;
import com.switchboard.tracking.ReceiptService;
import com.switchboard.tracking.RecentNotifications;
import com.switchboard.tracking.WhatsAppStatusParser;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the WhatsApp webhook does once a request is authentic: the subscription handshake; for each
 * customer message ({@code entry[].changes[].value.messages[]}) the sender's last inbound time,
 * which opens their 24-hour window, an opt-out when the text is a STOP-like keyword, and the message
 * itself in the sender's conversation ({@link ConversationService}); each status
 * receipt ({@code statuses[]}) goes to the {@link ReceiptService} like SES and SMS receipts do.
 */
@ApplicationScoped
public class WhatsAppWebhookService {

    /**
     * One customer message: who wrote ({@code +}E.164), when, its text (null for media), its wamid and
     * what media it carried (null for text).
     */
    public record Inbound(String from, Instant at, String text, String id, ThreadMessage.Media media) {}

    @Inject
    DynamoWhatsAppContactStore contacts;

    @Inject
    ConsentService consent;

    @Inject
    ReceiptService receipts;

    @Inject
    RecentNotifications recent;

    @Inject
    ConversationService conversations;

    @Inject
    @ConfigProperty(name = "whatsapp.verify.token", defaultValue = "")
    String verifyToken;

    /** Meta retries an unanswered notification for up to 7 days; anything older is a replay. */
    @Inject
    @ConfigProperty(name = "whatsapp.webhook.max.age.seconds", defaultValue = "604800")
    long maxAgeSeconds;

    /** The challenge to echo when Meta subscribes with our verify token; empty otherwise. */
    public Optional<String> handshake(String mode, String token, String challenge) {
        boolean valid = "subscribe".equals(mode)
                && token != null
                && !verifyToken.isEmpty()
                && challenge != null
                && MessageDigest.isEqual(
                        token.getBytes(StandardCharsets.UTF_8), verifyToken.getBytes(StandardCharsets.UTF_8));
        return valid ? Optional.of(challenge) : Optional.empty();
    }

    /**
     * Records the inbound messages, opt-outs and status receipts of an authentic notification, its
     * body parsed once; false (nothing recorded) when its newest message or status is older than
     * {@code whatsapp.webhook.max.age.seconds}: a captured body posted again, not one of Meta's
     * retries. A message or status this server applied within the last hour of that window (by
     * its id, and a status by id and status) is skipped: a replay inside the window changes nothing.
     */
    public boolean receive(byte[] rawBody) {
        List<JsonObject> values = values(rawBody);
        // Meta's timestamps are wall-clock time, whatever the (local profile's movable) business clock says
        if (newest(values)
                .map(at -> at.isBefore(Instant.now().minusSeconds(maxAgeSeconds)))
                .orElse(false)) {
            return false;
        }
        Duration window = Duration.ofSeconds(maxAgeSeconds);
        for (JsonObject value : values) {
            for (JsonObject message : objects(value.get("messages"))) {
                recent.once(
                        "wa-message",
                        message.getString("id", ""),
                        window,
                        () -> inbound(message).ifPresent(this::recordInbound));
            }
        }
        for (JsonObject value : values) {
            for (JsonObject status : objects(value.get("statuses"))) {
                recent.once(
                        "wa-status " + status.getString("status", ""),
                        status.getString("id", ""),
                        window,
                        () -> WhatsAppStatusParser.parse(status).ifPresent(receipts::record));
            }
        }
        return true;
    }

    private void recordInbound(Inbound m) {
        contacts.recordInbound(m.from(), m.at());
        // STOP: every later WhatsApp send to the number fails opted-out before Graph is called; START lifts that
        consent.reply(Channel.WhatsApp, m.from(), m.text());
        conversations.receive(new InboundMessage(Channel.WhatsApp, m.from(), m.at(), m.id(), m.text(), m.media()));
    }

    static Optional<Instant> newest(byte[] rawBody) {
        return newest(values(rawBody));
    }

    /** The newest {@code timestamp} (epoch seconds) of the notification's messages and statuses, if any. */
    private static Optional<Instant> newest(List<JsonObject> values) {
        Instant newest = null;
        for (JsonObject value : values) {
            for (String kind : List.of("messages", "statuses")) {
                for (JsonObject item : objects(value.get(kind))) {
                    String t = item.getString("timestamp", "");
                    if (t.matches("[0-9]{1,12}")) {
                        Instant at = Instant.ofEpochSecond(Long.parseLong(t));
                        newest = newest == null || at.isAfter(newest) ? at : newest;
                    }
                }
            }
        }
        return Optional.ofNullable(newest);
    }

    static List<Inbound> inboundMessages(byte[] rawBody) {
        return inbound(values(rawBody));
    }

    private static List<Inbound> inbound(List<JsonObject> values) {
        List<Inbound> found = new ArrayList<>();
        for (JsonObject value : values) {
            for (JsonObject message : objects(value.get("messages"))) {
                inbound(message).ifPresent(found::add);
            }
        }
        return found;
    }

    /** Every {@code entry[].changes[].value} of a notification. */
    private static List<JsonObject> values(byte[] rawBody) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(rawBody))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw InvalidRequestException.invalid("body", "not a JSON object: " + e.getMessage());
        }
        List<JsonObject> values = new ArrayList<>();
        for (JsonObject entry : objects(root.get("entry"))) {
            for (JsonObject change : objects(entry.get("changes"))) {
                if (change.get("value") instanceof JsonObject value) {
                    values.add(value);
                }
            }
        }
        return values;
    }

    private static Optional<Inbound> inbound(JsonObject message) {
        String from = message.getString("from", "");
        String timestamp = message.getString("timestamp", "");
        if (!from.matches("[1-9][0-9]{6,14}") || !timestamp.matches("[0-9]{1,12}")) {
            return Optional.empty(); // nothing we could key a window on
        }
        // Cloud API sends the sender's WhatsApp id: the E.164 number without its '+'
        String id = message.getString("id", "");
        return Optional.of(new Inbound(
                "+" + from,
                Instant.ofEpochSecond(Long.parseLong(timestamp)),
                text(message),
                id.isEmpty() ? from + "-" + timestamp : id,
                media(message)));
    }

    /**
     * What a media message carried ({@code image}, {@code document}, {@code audio}, {@code video},
     * {@code sticker}: their media id, MIME type, caption, file name), or the type alone for what
     * has no media (a location, contacts, a reaction); null for text and buttons.
     */
    private static ThreadMessage.Media media(JsonObject message) {
        String type = message.getString("type", "");
        if (type.isEmpty() || "text".equals(type) || "button".equals(type)) {
            return null;
        }
        if (message.get(type) instanceof JsonObject content) {
            return new ThreadMessage.Media(
                    type,
                    content.getString("id", null),
                    content.getString("mime_type", null),
                    content.getString("caption", null),
                    content.getString("filename", null));
        }
        return new ThreadMessage.Media(type, null, null, null, null);
    }

    /** A text message's body, or a quick-reply button's label ("Stop promotions" templates). */
    private static String text(JsonObject message) {
        for (String kind : List.of("text", "button")) {
            if (message.get(kind) instanceof JsonObject content) {
                JsonValue v = content.get("text".equals(kind) ? "body" : "text");
                if (v instanceof JsonString s) {
                    return s.getString();
                }
            }
        }
        return null;
    }

    private static List<JsonObject> objects(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream()
                .filter(JsonObject.class::isInstance)
                .map(JsonObject.class::cast)
                .toList();
    }
}
