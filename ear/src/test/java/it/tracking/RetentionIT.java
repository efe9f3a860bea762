package it.tracking;

import static it.support.LocalDynamo.s;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.LocalDynamo;
import it.support.Switchboard;
import it.support.Tracking;
import it.webhook.WebhookReceiver;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Items that only record what happened carry the TTL attribute {@code expiresAt} (epoch seconds), so
 * DynamoDB deletes them after the retention period: a communication's items 400 days after it was
 * created, webhook attempts after 30. Read straight from the table: the API never shows it.
 */
@ExtendWith(Switchboard.class)
class RetentionIT {
    private static final String TTL = "expiresAt";
    private static final long DAY = 86_400;
    private static final Api ADMIN = Api.as("admin");

    @Test
    void aDeliveredEmailsDetailsRecipientsAndEventsExpireAfter400Days() {
        String address = "ttl-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = Tracking.send("""
                {"message":{"subject":"Kept a while","content":"Then gone."},"recipients":[{"channel":"Email","address":"%s"}]}""".formatted(address));
        String sesId = Tracking.awaitRecipient(id, 0, "Delivered").getString("providerMessageId");
        // an applied receipt is written into the recipient's chunk; an Open changes no status, so it is an EVENT# item
        String open = Receipts.sesEvent(
                "Open",
                "open",
                "{\"ipAddress\":\"192.0.2.1\",\"timestamp\":\"" + Instant.now() + "\"}",
                sesId,
                address,
                id);
        assertEquals(200, Receipts.post("/webhooks/ses", Receipts.sesNotification(open)), "the Open is accepted");
        await().atMost(Duration.ofSeconds(10))
                .alias("the Open's EVENT# item")
                .until(() -> partition("COMMUNICATION#" + id).stream()
                        .anyMatch(i -> i.get("SK").s().startsWith("EVENT#")));

        List<Map<String, AttributeValue>> items = partition("COMMUNICATION#" + id);
        Map<String, AttributeValue> details = items.stream()
                .filter(i -> "DETAILS".equals(i.get("SK").s()))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no DETAILS: " + items));
        long created = Instant.parse(details.get("createdAt").s()).getEpochSecond();
        List<String> kinds = List.of("DETAILS", "CHUNK#", "EVENT#");
        for (String kind : kinds) {
            assertTrue(items.stream().anyMatch(i -> i.get("SK").s().startsWith(kind)), "a " + kind + " item: " + items);
        }
        for (Map<String, AttributeValue> item : items) {
            String sk = item.get("SK").s();
            if (kinds.stream().anyMatch(sk::startsWith)) {
                assertExpires(item, created + 400 * DAY, sk);
            }
        }
    }

    @Test
    void anSmsProviderReferenceExpiresAfter400Days() {
        // SES receipts carry our ids as tags; SNS's name only its message id, found through this reference
        String number =
                "+447400" + String.format("%06d", ThreadLocalRandom.current().nextInt(999_999));
        String id = Tracking.send("""
                {"message":{"content":"Kept a while."},"recipients":[{"channel":"SMS","address":"%s"}]}""".formatted(number));
        String snsId = Tracking.awaitRecipientAccepted(id, 0).getString("providerMessageId");
        var ref = LocalDynamo.client()
                .getItem(b -> b.tableName(LocalDynamo.TABLE)
                        .key(Map.of("PK", s("PROVIDERMSG#" + snsId), "SK", s("REF")))
                        .consistentRead(true))
                .item();
        assertFalse(ref.isEmpty(), "the SNS message id's reference is stored");
        String created = Tracking.communication(id).getString("createdAt");
        assertExpires(ref, Instant.parse(created).getEpochSecond() + 400 * DAY, "PROVIDERMSG#");
    }

    @Test
    void anInAppNoteExpiresAfter400Days() {
        String user = Api.userName("user");
        String id = Tracking.send("""
                {"recipients":[{"channel":"InApp","address":"%s"}],"message":{"subject":"Retention","content":"Read me."}}""".formatted(user));
        Tracking.awaitRecipientAccepted(id, 0);
        Map<String, AttributeValue> note = partition("INBOX#" + user).stream()
                .filter(i -> i.containsKey("communicationId")
                        && id.equals(i.get("communicationId").s()))
                .findFirst()
                .orElseThrow(() ->
                        new AssertionError("no note of " + id + " in " + user + "'s inbox")); // written before Sent
        assertExpires(note, Instant.parse(note.get("createdAt").s()).getEpochSecond() + 400 * DAY, "NOTE#");
    }

    @Test
    void aWebhookAttemptExpiresAfter30Days() throws Exception {
        try (WebhookReceiver receiver = new WebhookReceiver(webhookId -> 200)) {
            Api.Reply created = ADMIN.post(
                    "/communications/webhooks",
                    "{\"url\":\"" + receiver.url() + "\",\"eventTypes\":[\"sent\"],\"description\":\"RetentionIT\"}");
            assertEquals(201, created.status(), created.body());
            String subscription = created.json().getString("id");
            try {
                String id = Tracking.send(
                        """
                        {"message":{"subject":"Hook","content":"Attempt."},"recipients":[{"channel":"Email","address":"%s"}]}""".formatted("ttl-hook-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com"));
                await().atMost(Duration.ofSeconds(30))
                        .alias("the sent event's attempt is recorded")
                        .until(() -> !receiver.about(id).isEmpty()
                                && !partition("WEBHOOK#" + subscription).isEmpty());
                for (Map<String, AttributeValue> attempt : partition("WEBHOOK#" + subscription)) {
                    // from the server's time: another test may have moved its clock
                    assertExpires(
                            attempt,
                            Instant.parse(attempt.get("at").s()).getEpochSecond() + 30 * DAY,
                            attempt.get("SK").s());
                }
            } finally {
                ADMIN.delete("/communications/webhooks/" + subscription);
            }
        }
    }

    private static List<Map<String, AttributeValue>> partition(String pk) {
        return LocalDynamo.client()
                .queryPaginator(b -> b.tableName(LocalDynamo.TABLE)
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(pk)))
                        .consistentRead(true))
                .items()
                .stream()
                .toList();
    }

    /** {@code expiresAt} is a number of epoch seconds within a day of {@code expected}. */
    private static void assertExpires(Map<String, AttributeValue> item, long expected, String what) {
        AttributeValue ttl = item.get(TTL);
        assertTrue(ttl != null && ttl.n() != null, what + " carries a numeric " + TTL + ": " + item);
        long at = Long.parseLong(ttl.n());
        assertTrue(
                Math.abs(at - expected) <= DAY,
                what + " expires at " + Instant.ofEpochSecond(at) + ", expected about "
                        + Instant.ofEpochSecond(expected));
    }
}
