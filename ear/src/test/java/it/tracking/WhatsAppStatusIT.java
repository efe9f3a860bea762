package it.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.WhatsAppStatuses;

/**
 * WhatsApp status notifications (the documented {@code statuses[]} payloads, signed with the app
 * secret) posted to the running server move the recipient found by its wamid, forward only, and
 * land on its delivery-tracking timeline.
 */
@ExtendWith(Switchboard.class)
class WhatsAppStatusIT {

    @BeforeAll
    static void template() {
        WhatsAppMessages.saveTemplate();
    }

    @Test
    void deliveredDeliversTheRecipientAndSentAndReadAreEventsOnItsTimeline() {
        String number = WhatsAppMessages.numberWithoutReceipts();
        JsonObject sent = WhatsAppMessages.sent(number);
        String wamid = sent.getString("providerMessageId");
        String id = sent.getString("communicationId");

        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppStatuses.notification(WhatsAppMessages.ofSent(
                                WhatsAppStatuses.status(wamid, "sent", number, Instant.now()), sent)))
                        .status(),
                "sent is accepted");
        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppStatuses.notification(WhatsAppMessages.ofSent(
                                WhatsAppStatuses.status(wamid, "delivered", number, Instant.now()), sent)))
                        .status(),
                "delivered is accepted");
        JsonObject delivered = Tracking.awaitRecipient(id, 0, "Delivered");
        assertEquals("Delivered", Tracking.communication(id).getString("status"), "the communication is Delivered");
        assertTrue(delivered.containsKey("deliveredAt"), "deliveredAt is recorded: " + delivered);

        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppStatuses.notification(WhatsAppMessages.ofSent(
                                WhatsAppStatuses.status(wamid, "read", number, Instant.now()), sent)))
                        .status(),
                "read is accepted");
        JsonObject recipient = awaitEvents(id, 3);
        assertEquals(
                List.of("sent", "delivered", "read"),
                rawStatuses(recipient),
                "the trail in arrival order: " + recipient);
        JsonObject read = recipient.getJsonArray("events").getJsonObject(2);
        assertEquals("Event", read.getString("type"), "read is an event, not a state: " + read);
        assertFalse(read.getBoolean("applied"), "read changed no status: " + read);
        assertEquals("Delivered", recipient.getString("status"), "still Delivered after read");
    }

    @Test
    void failedFailsTheRecipientWithTheErrorTitleAsReason() {
        String number = WhatsAppMessages.numberWithoutReceipts();
        JsonObject sent = WhatsAppMessages.sent(number);
        String id = sent.getString("communicationId");

        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppStatuses.notification(WhatsAppMessages.ofSent(
                                WhatsAppStatuses.failed(
                                        sent.getString("providerMessageId"),
                                        number,
                                        Instant.now(),
                                        131026,
                                        "Message undeliverable",
                                        "Message Undeliverable."),
                                sent)))
                        .status(),
                "failed is accepted");
        JsonObject failed = Tracking.awaitRecipient(id, 0, "Failed");
        assertTrue(
                failed.getString("reason").startsWith("Message undeliverable"),
                "the error title is the reason: " + failed);
        assertTrue(failed.getString("reason").contains("131026"), "with Graph's code: " + failed);
        assertEquals("Failed", Tracking.communication(id).getString("status"), "the communication is Failed");
    }

    @Test
    void outOfOrderStatusesAreRecordedOnceAndLeaveTheStatusRight() {
        String number = WhatsAppMessages.numberWithoutReceipts();
        JsonObject sent = WhatsAppMessages.sent(number);
        String wamid = sent.getString("providerMessageId");
        String id = sent.getString("communicationId");
        Instant at = Instant.now();

        // delivered overtakes sent; delivered arrives twice; a late failed follows
        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppStatuses.notification(WhatsAppMessages.ofSent(
                                WhatsAppStatuses.status(wamid, "delivered", number, at.plusSeconds(2)), sent)))
                        .status(),
                "delivered");
        Tracking.awaitRecipient(id, 0, "Delivered");
        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppStatuses.notification(WhatsAppMessages.ofSent(
                                WhatsAppStatuses.status(wamid, "sent", number, at.plusSeconds(1)), sent)))
                        .status(),
                "a late sent");
        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppStatuses.notification(WhatsAppMessages.ofSent(
                                WhatsAppStatuses.status(wamid, "delivered", number, at.plusSeconds(2)), sent)))
                        .status(),
                "a duplicate delivered");
        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppStatuses.notification(WhatsAppMessages.ofSent(
                                WhatsAppStatuses.failed(
                                        wamid, number, at.plusSeconds(3), 131026, "Message undeliverable", "late"),
                                sent)))
                        .status(),
                "a failed after delivered");

        JsonObject recipient = awaitEvents(id, 3);
        assertEquals("Delivered", recipient.getString("status"), "a settled recipient does not move: " + recipient);
        assertEquals(
                List.of("delivered", "sent", "failed"),
                rawStatuses(recipient),
                "every status is on the trail once: the repeated delivered (same id and status) is acknowledged, not applied again");
        assertEquals(
                1,
                recipient.getJsonArray("events").stream()
                        .filter(e -> e.asJsonObject().getBoolean("applied"))
                        .count(),
                "only the first delivered changed the status: " + recipient);
        assertEquals("Delivered", Tracking.communication(id).getString("status"), "the communication stays Delivered");
    }

    @Test
    void aWronglySignedStatusIsForbiddenAndChangesNothing() {
        String number = WhatsAppMessages.numberWithoutReceipts();
        JsonObject sent = WhatsAppMessages.sent(number);
        String id = sent.getString("communicationId");
        String body = WhatsAppStatuses.notification(WhatsAppMessages.ofSent(
                WhatsAppStatuses.status(sent.getString("providerMessageId"), "delivered", number, Instant.now()),
                sent));

        Api.Reply forged = WhatsAppMessages.post(body, "not-the-app-secret");
        assertEquals(403, forged.status(), "a wrong signature is refused: " + forged.body());
        assertTrue(
                forged.contentType().startsWith("application/problem+json"),
                "as a problem document: " + forged.contentType());
        JsonObject recipient = Receipts.timeline(id).getJsonArray("recipients").getJsonObject(0);
        assertEquals("Sent", recipient.getString("status"), "the recipient did not move: " + recipient);
        assertTrue(recipient.getJsonArray("events").isEmpty(), "and has no event: " + recipient);
    }

    @Test
    void aStatusForAnUnknownWamidIsAnsweredOk() {
        String body = WhatsAppStatuses.notification(WhatsAppStatuses.status(
                "wamid.unknown" + System.nanoTime(), "delivered", "+34611111111", Instant.now()));
        assertEquals(200, WhatsAppMessages.post(body).status(), "Meta must not retry a status we cannot match");
    }

    /** Waits until recipient 0's timeline has {@code count} events; returns that recipient. */
    static JsonObject awaitEvents(String id, int count) {
        JsonObject[] last = new JsonObject[1];
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(20))
                .alias(count + " events on the timeline of " + id)
                .until(() -> {
                    last[0] = Receipts.timeline(id).getJsonArray("recipients").getJsonObject(0);
                    return last[0].getJsonArray("events").size() >= count;
                });
        return last[0];
    }

    static List<String> rawStatuses(JsonObject recipient) {
        return recipient.getJsonArray("events").stream()
                .map(JsonValue::asJsonObject)
                .map(e -> e.getString("rawStatus"))
                .toList();
    }
}
