package com.switchboard.tracking.sns;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.StringJoiner;

/**
 * One HTTP(S) message from Amazon SNS as its JSON body carries it (Notification,
 * SubscriptionConfirmation, UnsubscribeConfirmation), with the canonical string SNS signed.
 */
public record SnsMessage(
        String type,
        String messageId,
        String topicArn,
        String message,
        String subject,
        String timestamp,
        String token,
        String subscribeUrl,
        String signatureVersion,
        String signature,
        String signingCertUrl) {

    public static final String NOTIFICATION = "Notification";
    public static final String SUBSCRIPTION_CONFIRMATION = "SubscriptionConfirmation";
    public static final String UNSUBSCRIBE_CONFIRMATION = "UnsubscribeConfirmation";

    /** Reads the raw POST body; anything that is not an SNS message is refused like a bad signature. */
    public static SnsMessage parse(String body) {
        JsonObject o;
        try (JsonReader reader = Json.createReader(new StringReader(body == null ? "" : body))) {
            o = reader.readObject();
        } catch (JsonException | IllegalStateException e) {
            throw new SnsVerificationException("body is not an SNS JSON message", abbreviate(body));
        }
        SnsMessage m = new SnsMessage(
                text(o, "Type"),
                text(o, "MessageId"),
                text(o, "TopicArn"),
                text(o, "Message"),
                text(o, "Subject"),
                text(o, "Timestamp"),
                text(o, "Token"),
                text(o, "SubscribeURL"),
                text(o, "SignatureVersion"),
                text(o, "Signature"),
                text(o, "SigningCertURL"));
        for (String[] required : new String[][] {
            {"Type", m.type},
            {"MessageId", m.messageId},
            {"TopicArn", m.topicArn},
            {"Message", m.message},
            {"Timestamp", m.timestamp},
            {"Signature", m.signature},
            {"SignatureVersion", m.signatureVersion},
            {"SigningCertURL", m.signingCertUrl}
        }) {
            if (required[1] == null) {
                throw new SnsVerificationException("SNS message lacks " + required[0], m.messageId);
            }
        }
        return m;
    }

    /**
     * The string SNS signs: name and value on their own lines, in byte order of the names, Subject
     * only when present (Notification) and SubscribeURL/Token for the confirmations.
     */
    public String stringToSign() {
        StringJoiner s = new StringJoiner("\n", "", "\n");
        s.add("Message").add(message).add("MessageId").add(messageId);
        if (NOTIFICATION.equals(type)) {
            if (subject != null) {
                s.add("Subject").add(subject);
            }
            s.add("Timestamp")
                    .add(timestamp)
                    .add("TopicArn")
                    .add(topicArn)
                    .add("Type")
                    .add(type);
        } else if (SUBSCRIPTION_CONFIRMATION.equals(type) || UNSUBSCRIBE_CONFIRMATION.equals(type)) {
            if (subscribeUrl == null || token == null) {
                throw new SnsVerificationException(type + " lacks SubscribeURL or Token", messageId);
            }
            s.add("SubscribeURL")
                    .add(subscribeUrl)
                    .add("Timestamp")
                    .add(timestamp)
                    .add("Token")
                    .add(token)
                    .add("TopicArn")
                    .add(topicArn)
                    .add("Type")
                    .add(type);
        } else {
            throw new SnsVerificationException("unknown SNS message type", type);
        }
        return s.toString();
    }

    private static String text(JsonObject o, String name) {
        JsonValue v = o.get(name);
        return v instanceof JsonString js ? js.getString() : null;
    }

    private static String abbreviate(String body) {
        return body == null || body.length() <= 80 ? body : body.substring(0, 80) + "…";
    }
}
