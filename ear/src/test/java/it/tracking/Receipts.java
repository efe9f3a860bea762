package it.tracking;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import sandbox.SesEventPoster;
import sandbox.SnsSandboxSigner;

/** Posts receipts to Switchboard's webhooks as SNS would, anonymously and with the raw body. */
final class Receipts {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private Receipts() {}

    static SnsSandboxSigner signer() {
        return Switchboard.sandbox().snsSigner();
    }

    /** Posts a raw body; returns the HTTP status. */
    static int post(String path, String body) {
        try {
            return HTTP.send(
                            HttpRequest.newBuilder(URI.create(Switchboard.BASE_URL + path))
                                    .timeout(Duration.ofSeconds(30))
                                    .header("Content-Type", "text/plain; charset=UTF-8")
                                    .POST(HttpRequest.BodyPublishers.ofString(body))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding())
                    .statusCode();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** A correctly signed SES event notification from the allowed topic. */
    static String sesNotification(String sesEventJson) {
        return signer().notification(SnsSandboxSigner.SES_TOPIC, sesEventJson);
    }

    /** The SES Delivery event (documented shape) for a message id and address, tagged with our id. */
    static String sesDelivery(String messageId, String address, String communicationId) {
        return SesEventPoster.event(
                messageId,
                address,
                Map.of("communicationId", communicationId, "recipient", "0"),
                Instant.now().toString());
    }

    /**
     * An SES event of another type with its detail object, in the event publishing format; like every
     * event of a message it carries the message's tags (our communication and recipient 0).
     */
    static String sesEvent(
            String type,
            String detailName,
            String detailJson,
            String messageId,
            String address,
            String communicationId) {
        return """
                {"eventType":"%s","mail":{"timestamp":"%s","source":"switchboard@localhost","messageId":"%s",
                 "destination":["%s"],"tags":{"ses:configuration-set":["switchboard-local"],"communicationId":["%s"],
                 "recipient":["0"]}},"%s":%s}""".formatted(type, Instant.now(), messageId, address, communicationId, detailName, detailJson);
    }

    /** Sends one plain email as a CSR to an address the sandbox posts no receipt for; waits until Sent. */
    static JsonObject sentWithoutReceipt() {
        String address = "t-" + UUID.randomUUID().toString().substring(0, 8) + SesEventPoster.NO_RECEIPT_DOMAIN;
        String id = Tracking.send("""
                {"message":{"subject":"Your booking","content":"See you on Monday."},
                 "recipients":[{"channel":"Email","address":"%s"}]}""".formatted(address));
        JsonObject recipient = Tracking.awaitRecipient(id, 0, "Sent");
        return jakarta.json.Json.createObjectBuilder(recipient)
                .add("communicationId", id)
                .build();
    }

    /** The timeline of one communication through the tracking query. */
    static JsonObject timeline(String id) {
        Api.Reply r = Api.as("csr").get("/communications/delivery-tracking?communicationId=" + id);
        if (r.status() != 200) {
            throw new AssertionError("tracking query answered " + r.status() + " " + r.body());
        }
        return r.json();
    }
}
