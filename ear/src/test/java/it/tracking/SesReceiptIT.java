package it.tracking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SesEventPoster;

/** Email reaches its final state from SES's own receipts, posted over HTTP through SNS. */
@ExtendWith(Switchboard.class)
class SesReceiptIT {

    @Test
    void emailIsDeliveredByTheSandboxsOwnSesReceipt() {
        String to = "d-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String id = Tracking.send("""
                {"message":{"subject":"Ready","content":"Your car is ready."},"recipients":[{"channel":"Email","address":"%s"}]}""".formatted(to));
        JsonObject recipient = Tracking.awaitRecipient(id, 0, "Delivered");
        assertTrue(recipient.containsKey("deliveredAt"), "deliveredAt recorded: " + recipient);
        await().atMost(Duration.ofSeconds(10))
                .alias("communication Delivered")
                .until(() -> "Delivered".equals(Tracking.communication(id).getString("status")));
        JsonArray events = Receipts.timeline(id)
                .getJsonArray("recipients")
                .getJsonObject(0)
                .getJsonArray("events");
        assertEquals(1, events.size(), "one receipt on the trail: " + events);
        assertEquals("Delivery", events.getJsonObject(0).getString("rawStatus"), "SES's raw event type is kept");
        assertTrue(events.getJsonObject(0).getBoolean("applied"), "it moved the status");
    }

    @Test
    void testPostedDeliveryDeliversAndDuplicateOrLateReceiptsLeaveTheStatusRight() {
        JsonObject sent = Receipts.sentWithoutReceipt();
        String id = sent.getString("communicationId");
        String sesId = sent.getString("providerMessageId");
        String address = sent.getString("address");

        String open = Receipts.sesEvent(
                "Open",
                "open",
                "{\"ipAddress\":\"192.0.2.1\",\"timestamp\":\"2026-11-25T10:00:00Z\"}",
                sesId,
                address,
                id);
        assertEquals(
                200,
                Receipts.post("/webhooks/ses", Receipts.sesNotification(open)),
                "an Open before the Delivery is accepted");
        assertEquals(
                "Sent",
                Tracking.communication(id)
                        .getJsonArray("recipients")
                        .getJsonObject(0)
                        .getString("status"),
                "an Open is an event, not a status");

        String delivery = Receipts.sesNotification(Receipts.sesDelivery(sesId, address, id));
        assertEquals(200, Receipts.post("/webhooks/ses", delivery), "Delivery accepted");
        Tracking.awaitRecipient(id, 0, "Delivered");
        assertEquals(
                200,
                Receipts.post("/webhooks/ses", delivery),
                "the same notification again (an SNS retry, a replay) is acknowledged");
        String lateBounce = Receipts.sesEvent(
                "Bounce",
                "bounce",
                "{\"bounceType\":\"Transient\",\"bounceSubType\":\"MailboxFull\",\"bouncedRecipients\":[{\"emailAddress\":\""
                        + address + "\"}]}",
                sesId,
                address,
                id);
        assertEquals(
                200, Receipts.post("/webhooks/ses", Receipts.sesNotification(lateBounce)), "a late bounce is accepted");

        JsonObject recipient = Receipts.timeline(id).getJsonArray("recipients").getJsonObject(0);
        assertEquals(
                "Delivered",
                recipient.getString("status"),
                "duplicate and late receipts do not move a settled recipient");
        JsonArray events = recipient.getJsonArray("events");
        assertEquals(
                3, events.size(), "every receipt is on the trail once, the repeated notification not again: " + events);
        assertEquals(
                1,
                events.stream()
                        .filter(e -> e.asJsonObject().getBoolean("applied"))
                        .count(),
                "exactly one receipt changed the status: " + events);
        assertEquals("Delivered", Tracking.communication(id).getString("status"), "the communication stays Delivered");
    }

    @Test
    void permanentBounceFailsTheRecipientAndTheNextSendToThatAddressFailsAsSuppressed() {
        String body = """
                {"message":{"subject":"Invoice","content":"Your invoice."},"recipients":[{"channel":"Email","address":"%s"}]}""".formatted(SesEventPoster.BOUNCE_ADDRESS);
        String first = Tracking.send(body);
        JsonObject bounced = Tracking.awaitRecipient(first, 0, "Failed");
        assertTrue(
                bounced.getString("reason").contains("550 5.1.1 user unknown"),
                "the bounce's diagnostic is the reason: " + bounced);
        assertEquals("Failed", Tracking.communication(first).getString("status"), "communication Failed");
        int smtpAttempts = Switchboard.sandbox().smtp().attempts(SesEventPoster.BOUNCE_ADDRESS);

        String second = Tracking.send(body);
        JsonObject suppressed = Tracking.awaitRecipient(second, 0, "Failed");
        assertEquals("suppressed", suppressed.getString("reason"), "the address is on the suppression list");
        assertEquals(
                smtpAttempts,
                Switchboard.sandbox().smtp().attempts(SesEventPoster.BOUNCE_ADDRESS),
                "a suppressed address is never handed to SMTP");
        assertFalse(suppressed.containsKey("providerMessageId"), "nothing was sent");
    }
}
