package it.webhook;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Outbound webhooks end to end: an admin subscribes a real HTTP listener, sends produce signed
 * Standard Webhooks events carrying the sender's correlation id, a failing subscriber is retried
 * and finally disabled, and only admins manage subscriptions.
 */
@ExtendWith(Switchboard.class)
class WebhooksIT {
    private static final Api ADMIN = Api.as("admin");
    private static final Api CSR = Api.as("csr");

    private final List<String> subscriptions = new ArrayList<>();
    private final List<WebhookReceiver> receivers = new ArrayList<>();

    @AfterEach
    void unsubscribe() {
        subscriptions.forEach(id -> ADMIN.delete("/communications/webhooks/" + id));
        receivers.forEach(WebhookReceiver::close);
    }

    @Test
    void sentAndDeliveredEventsArriveSignedAndCarryTheCorrelationId() throws Exception {
        WebhookReceiver receiver = receiver(id -> 200);
        JsonObject created = subscribe(receiver, "sent", "delivered");
        String secret = created.getString("secret");
        assertTrue(secret.startsWith("whsec_"), "a Standard Webhooks secret: " + secret);

        String correlationId = "order-" + UUID.randomUUID();
        Api.Reply accepted = CSR.post("/communications/send", email("wh-ok", correlationId));
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals(
                correlationId, accepted.json().getString("correlationId"), "the send answer echoes the correlation id");
        String id = accepted.json().getString("communicationId");

        await().atMost(Duration.ofSeconds(30))
                .alias("sent and delivered events for " + id)
                .until(() -> receiver.about(id).stream()
                        .map(WebhookReceiver.Received::type)
                        .toList()
                        .containsAll(List.of("sent", "delivered")));
        for (WebhookReceiver.Received r : receiver.about(id)) {
            assertEquals(
                    expectedSignature(secret, r.webhookId(), r.timestamp(), r.body()),
                    r.signature(),
                    "signature over id.timestamp.body verifies with the secret: " + r);
            assertTrue(
                    Math.abs(Instant.now().getEpochSecond() - Long.parseLong(r.timestamp())) < 300,
                    "timestamp is now, in seconds: " + r.timestamp());
            assertTrue(r.webhookId().startsWith("msg_"), "webhook-id: " + r.webhookId());
            JsonObject data = r.json().getJsonObject("data");
            assertEquals(
                    correlationId,
                    data.getString("correlationId"),
                    "the event carries the correlation id: " + r.body());
            assertEquals(0, data.getInt("recipientIndex"), "recipient index: " + r.body());
            assertEquals("Email", data.getString("channel"), "channel: " + r.body());
            assertEquals(
                    "sent".equals(r.type()) ? "Sent" : "Delivered", data.getString("status"), "status: " + r.body());
            assertNotNull(Instant.parse(r.json().getString("timestamp")), "event timestamp is an instant: " + r.body());
        }
        assertEquals(correlationId, Tracking.communication(id).getString("correlationId"), "GET /communications/{id}");
        assertEquals(
                correlationId,
                CSR.get("/communications/delivery-tracking?communicationId=" + id)
                        .json()
                        .getString("correlationId"),
                "the delivery-tracking timeline");

        String subscription = created.getString("id");
        JsonObject listed =
                ADMIN.get("/communications/webhooks/" + subscription).json();
        assertFalse(listed.containsKey("secret"), "the secret is shown once only: " + listed);
        assertEquals("enabled", listed.getString("state"), "state");
        JsonArray attempts = ADMIN.get("/communications/webhooks/" + subscription + "/deliveries")
                .jsonArray();
        assertTrue(
                attempts.stream()
                        .map(a -> a.asJsonObject())
                        .anyMatch(a -> a.getBoolean("succeeded")
                                && a.getInt("statusCode") == 200
                                && a.getJsonNumber("durationMs") != null),
                "attempts recorded: " + attempts);

        assertEquals(
                204, ADMIN.delete("/communications/webhooks/" + subscription).status(), "delete");
        assertEquals(404, ADMIN.get("/communications/webhooks/" + subscription).status(), "gone after delete");
    }

    @Test
    void aSubscriberAnswering500IsRetriedWithTheSameIdUntilItAccepts() throws Exception {
        Set<String> failedOnce = ConcurrentHashMap.newKeySet();
        WebhookReceiver receiver = receiver(webhookId -> failedOnce.add(webhookId) ? 500 : 200);
        String subscription = subscribe(receiver, "sent").getString("id");

        String id = Tracking.send(email("wh-retry", null));

        await().atMost(Duration.ofSeconds(30))
                .alias("the sent event answered 500, then 200")
                .until(() -> receiver.about(id).stream()
                        .map(WebhookReceiver.Received::answered)
                        .toList()
                        .equals(List.of(500, 200)));
        List<WebhookReceiver.Received> posts = receiver.about(id);
        assertEquals(
                posts.get(0).webhookId(),
                posts.get(1).webhookId(),
                "a retry keeps the webhook-id, so subscribers can deduplicate");
        assertEquals(posts.get(0).body(), posts.get(1).body(), "a retry posts the same event");

        List<JsonObject> attempts =
                ADMIN.get("/communications/webhooks/" + subscription + "/deliveries").jsonArray().stream()
                        .map(a -> a.asJsonObject())
                        .filter(a -> posts.get(0).webhookId().equals(a.getString("webhookId")))
                        .toList();
        assertEquals(2, attempts.size(), "both attempts visible: " + attempts);
        assertEquals(
                List.of(2, 1), attempts.stream().map(a -> a.getInt("attempt")).toList(), "newest first: " + attempts);
        assertEquals(
                List.of(200, 500),
                attempts.stream().map(a -> a.getInt("statusCode")).toList(),
                "the subscriber's answers: " + attempts);
        assertEquals(
                "enabled",
                ADMIN.get("/communications/webhooks/" + subscription).json().getString("state"),
                "one failure does not disable");
    }

    @Test
    void aSubscriberThatKeepsFailingIsDisabledAndReported() throws Exception {
        WebhookReceiver receiver = receiver(id -> 503);
        JsonObject created = subscribe(receiver, "sent", "delivered");
        String subscription = created.getString("id");

        Tracking.send(email("wh-down", null));

        JsonObject[] state = new JsonObject[1];
        await().atMost(Duration.ofSeconds(30))
                .alias("subscription disabled after failures")
                .until(() -> "disabled"
                        .equals((state[0] = ADMIN.get("/communications/webhooks/" + subscription)
                                        .json())
                                .getString("state")));
        assertTrue(
                state[0].getString("disabledReason").contains("consecutive failed deliveries, the last HTTP 503"),
                "the reason says why: " + state[0]);
        JsonArray attempts = ADMIN.get("/communications/webhooks/" + subscription + "/deliveries")
                .jsonArray();
        assertTrue(
                attempts.size() >= 5, "every failed attempt is visible (5 in a row disable it locally): " + attempts);
        assertTrue(
                attempts.stream()
                        .allMatch(a -> !a.asJsonObject().getBoolean("succeeded")
                                && a.asJsonObject().getInt("statusCode") == 503),
                "each failed with the subscriber's 503: " + attempts);

        var messages = Switchboard.liberty().serverDir().resolve("logs/messages.log");
        await().atMost(Duration.ofSeconds(10))
                .alias("the disabling is logged")
                .until(() -> Files.readString(messages, StandardCharsets.UTF_8)
                        .contains("webhook subscription " + subscription + " to host 127.0.0.1 disabled"));
        assertFalse(
                Files.readString(messages, StandardCharsets.UTF_8)
                        .contains(created.getString("secret").substring("whsec_".length())),
                "the secret never reaches the log");

        assertEquals(
                "enabled",
                ADMIN.post("/communications/webhooks/" + subscription + "/enable", "")
                        .json()
                        .getString("state"),
                "an admin can enable it again once the subscriber is fixed");
    }

    @Test
    void anAdminDisablesASubscriptionAndNothingReachesItUntilItIsEnabled() throws Exception {
        WebhookReceiver receiver = receiver(id -> 200);
        String subscription = subscribe(receiver, "sent").getString("id");
        JsonObject disabled = ADMIN.post("/communications/webhooks/" + subscription + "/disable", "")
                .json();
        assertEquals("disabled", disabled.getString("state"));
        assertEquals("disabled by an administrator", disabled.getString("disabledReason"));

        String quiet = CSR.post("/communications/send", email("wh-off", "off-" + UUID.randomUUID()))
                .json()
                .getString("communicationId");
        Tracking.awaitRecipient(quiet, 0, "Sent");
        Thread.sleep(2000); // an event, were it published, would reach the receiver within moments
        assertTrue(receiver.about(quiet).isEmpty(), "a disabled subscription gets nothing");

        assertEquals(
                "enabled",
                ADMIN.post("/communications/webhooks/" + subscription + "/enable", "")
                        .json()
                        .getString("state"));
        String heard = CSR.post("/communications/send", email("wh-on", "on-" + UUID.randomUUID()))
                .json()
                .getString("communicationId");
        await().atMost(Duration.ofSeconds(30))
                .until(() -> !receiver.about(heard).isEmpty());
    }

    @Test
    void onlyAdminsManageWebhooksAndUrlsAreChecked() throws Exception {
        String body = "{\"url\":\"https://hooks.example.com/x\",\"eventTypes\":[\"sent\"]}";
        assertEquals(403, CSR.post("/communications/webhooks", body).status(), "csr may not subscribe");
        assertEquals(403, CSR.get("/communications/webhooks").status(), "csr may not list");
        assertEquals(403, CSR.get("/communications/webhooks/any/deliveries").status(), "csr may not read attempts");
        assertEquals(401, Api.anonymous().get("/communications/webhooks").status(), "anonymous");

        assertProblem(
                ADMIN.post(
                        "/communications/webhooks",
                        "{\"url\":\"http://hooks.example.com/x\",\"eventTypes\":[\"sent\"]}"),
                422,
                "url");
        assertProblem(
                ADMIN.post(
                        "/communications/webhooks",
                        "{\"url\":\"https://hooks.example.com/x\",\"eventTypes\":[\"bounced\"]}"),
                400,
                "eventTypes[0]");
        assertProblem(ADMIN.post("/communications/webhooks", "{\"eventTypes\":[\"sent\"]}"), 400, "url");
        for (String inside : List.of(
                "https://169.254.169.254/latest/meta-data/",
                "https://10.1.2.3/hook",
                "https://[fd00::1]/hook",
                "https://100.64.1.1/hook",
                "https://192.168.0.10:8443/hook")) {
            assertProblem(
                    ADMIN.post("/communications/webhooks", "{\"url\":\"" + inside + "\",\"eventTypes\":[\"sent\"]}"),
                    422,
                    "url");
        }

        Api.Reply created = ADMIN.post("/communications/webhooks", body);
        assertEquals(201, created.status(), created.body());
        subscriptions.add(created.json().getString("id"));
        assertTrue(
                created.header("Location")
                        .endsWith("/communications/webhooks/" + created.json().getString("id")),
                "Location");
        assertTrue(
                ADMIN.get("/communications/webhooks").jsonArray().stream()
                        .anyMatch(w -> created.json()
                                        .getString("id")
                                        .equals(w.asJsonObject().getString("id"))
                                && !w.asJsonObject().containsKey("secret")),
                "listed, without its secret");
    }

    @Test
    void anAttemptThatGotNoAnswerShowsWhatKindOfFailureItWasNotTheExceptionText() throws Exception {
        int closed;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closed = s.getLocalPort();
        }
        Api.Reply created = ADMIN.post(
                "/communications/webhooks",
                "{\"url\":\"http://127.0.0.1:" + closed + "/hook\",\"eventTypes\":[\"sent\"]}");
        assertEquals(201, created.status(), created.body());
        String subscription = created.json().getString("id");
        subscriptions.add(subscription);
        Tracking.send(email("wh-refused", null));
        JsonArray[] attempts = new JsonArray[1];
        await().atMost(Duration.ofSeconds(30))
                .alias("a failed attempt is recorded")
                .until(() -> !(attempts[0] = ADMIN.get("/communications/webhooks/" + subscription + "/deliveries")
                                .jsonArray())
                        .isEmpty());
        JsonObject attempt = attempts[0].getJsonObject(0);
        assertEquals("connection refused", attempt.getString("error"), "a category: " + attempt);
        assertFalse(attempt.toString().contains("Exception"), "no exception text: " + attempt);
    }

    @Test
    void aCorrelationIdWithForbiddenCharactersIsRefused() {
        assertProblem(
                CSR.post("/communications/send", email("wh-bad", "has spaces and ünïcode")), 422, "correlationId");
        assertProblem(CSR.post("/communications/send", email("wh-long", "x".repeat(129))), 422, "correlationId");
    }

    private WebhookReceiver receiver(java.util.function.Function<String, Integer> answer) throws Exception {
        WebhookReceiver r = new WebhookReceiver(answer);
        receivers.add(r);
        return r;
    }

    private JsonObject subscribe(WebhookReceiver receiver, String... types) {
        String json = "{\"url\":\"%s\",\"eventTypes\":[%s],\"description\":\"WebhooksIT\"}"
                .formatted(
                        receiver.url(),
                        String.join(
                                ",",
                                java.util.Arrays.stream(types)
                                        .map(t -> "\"" + t + "\"")
                                        .toList()));
        Api.Reply r = ADMIN.post("/communications/webhooks", json);
        assertEquals(201, r.status(), "subscribed: " + r.body());
        subscriptions.add(r.json().getString("id"));
        return r.json();
    }

    private static String email(String prefix, String correlationId) {
        String to = prefix + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String correlation = correlationId == null ? "" : ",\"correlationId\":\"" + correlationId + "\"";
        return """
                {"message":{"subject":"Ready","content":"Your car is ready."},"recipients":[{"channel":"Email","address":"%s"}]%s}""".formatted(to, correlation);
    }

    /** The verification a subscriber writes: HMAC-SHA256 keyed with the base64 bytes after whsec_. */
    private static String expectedSignature(String secret, String webhookId, String timestamp, String body)
            throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Base64.getDecoder().decode(secret.substring("whsec_".length())), "HmacSHA256"));
        return "v1,"
                + Base64.getEncoder()
                        .encodeToString(mac.doFinal(
                                (webhookId + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
    }

    private static void assertProblem(Api.Reply r, int status, String field) {
        assertEquals(status, r.status(), "status for " + field + ": " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), "problem+json: " + r.contentType());
        assertTrue(
                r.json().getJsonArray("errors").stream()
                        .anyMatch(e -> field.equals(e.asJsonObject().getString("field"))),
                "names " + field + ": " + r.body());
    }
}
