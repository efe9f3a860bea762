package com.switchboard.channel.whatsapp;

import com.switchboard.error.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What the WhatsApp webhook does once a request is authentic: the subscription handshake, and for
 * each customer message ({@code entry[].changes[].value.messages[]}) the sender's last inbound time,
 * which opens their 24-hour window. Status receipts ({@code statuses[]}) are not read yet.
 */
@ApplicationScoped
public class WhatsAppWebhookService {

    /** One customer message: who wrote ({@code +}E.164) and when. */
    public record Inbound(String from, Instant at) {
    }

    @Inject
    DynamoWhatsAppContactStore contacts;

    @Inject
    @ConfigProperty(name = "whatsapp.verify.token", defaultValue = "")
    String verifyToken;

    /** The challenge to echo when Meta subscribes with our verify token; empty otherwise. */
    public Optional<String> handshake(String mode, String token, String challenge) {
        boolean valid = "subscribe".equals(mode) && token != null && !verifyToken.isEmpty() && challenge != null
                && MessageDigest.isEqual(token.getBytes(StandardCharsets.UTF_8), verifyToken.getBytes(StandardCharsets.UTF_8));
        return valid ? Optional.of(challenge) : Optional.empty();
    }

    /** Records the inbound messages of an authentic notification; returns how many. */
    public int receive(byte[] rawBody) {
        List<Inbound> inbound = inboundMessages(rawBody);
        inbound.forEach(m -> contacts.recordInbound(m.from(), m.at()));
        return inbound.size();
    }

    static List<Inbound> inboundMessages(byte[] rawBody) {
        JsonObject root;
        try (JsonReader reader = Json.createReader(new ByteArrayInputStream(rawBody))) {
            root = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw InvalidRequestException.of(400, "body", "not a JSON object: " + e.getMessage());
        }
        List<Inbound> found = new ArrayList<>();
        for (JsonObject entry : objects(root.get("entry"))) {
            for (JsonObject change : objects(entry.get("changes"))) {
                if (change.get("value") instanceof JsonObject value) {
                    for (JsonObject message : objects(value.get("messages"))) {
                        inbound(message).ifPresent(found::add);
                    }
                }
            }
        }
        return found;
    }

    private static Optional<Inbound> inbound(JsonObject message) {
        String from = message.getString("from", "");
        String timestamp = message.getString("timestamp", "");
        if (!from.matches("[1-9][0-9]{6,14}") || !timestamp.matches("[0-9]{1,12}")) {
            return Optional.empty(); // nothing we could key a window on
        }
        // Cloud API sends the sender's WhatsApp id: the E.164 number without its '+'
        return Optional.of(new Inbound("+" + from, Instant.ofEpochSecond(Long.parseLong(timestamp))));
    }

    private static List<JsonObject> objects(JsonValue value) {
        if (!(value instanceof JsonArray array)) {
            return List.of();
        }
        return array.stream().filter(JsonObject.class::isInstance).map(JsonObject.class::cast).toList();
    }
}
