package it.tracking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import it.webhook.WebhookReceiver;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.WhatsAppStatuses;

/** The webhook events receipts produce: a WhatsApp read, and a send refused because the number opted out. */
@ExtendWith(Switchboard.class)
class WebhookReceiptEventsIT {
    private static final Api ADMIN = Api.as("admin");

    private WebhookReceiver receiver;
    private String subscription;

    @BeforeAll
    static void template() {
        WhatsAppMessages.saveTemplate();
    }

    @AfterEach
    void unsubscribe() {
        ADMIN.delete("/communications/webhooks/" + subscription);
        receiver.close();
    }

    @Test
    void aReadReceiptAndAnOptedOutNumberBecomeEvents() throws Exception {
        receiver = new WebhookReceiver(id -> 204);
        Api.Reply created = ADMIN.post(
                "/communications/webhooks",
                "{\"url\":\"%s\",\"eventTypes\":[\"read\",\"opted-out\"]}".formatted(receiver.url()));
        assertEquals(201, created.status(), created.body());
        subscription = created.json().getString("id");

        String reader = WhatsAppMessages.numberWithoutReceipts();
        JsonObject sent = WhatsAppMessages.sent(reader);
        String readId = sent.getString("communicationId");
        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppStatuses.notification(WhatsAppMessages.ofSent(
                                WhatsAppStatuses.status(
                                        sent.getString("providerMessageId"), "read", reader, Instant.now()),
                                sent)))
                        .status(),
                "read is accepted");

        String leaver = WhatsAppMessages.numberWithReceipts();
        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppMessages.customerText(leaver, "STOP"))
                        .status(),
                "STOP accepted");
        String optedOutId = Tracking.send("""
                {"message":{"content":"Your car is ready."},"recipients":[{"channel":"WhatsApp","address":"%s"}]}""".formatted(leaver));

        await().atMost(Duration.ofSeconds(30))
                .alias("read and opted-out events")
                .until(() -> receiver.about(readId).size() == 1
                        && receiver.about(optedOutId).size() == 1);
        JsonObject read = receiver.about(readId).get(0).json();
        assertEquals("read", read.getString("type"), "a read receipt: " + read);
        assertEquals("WhatsApp", read.getJsonObject("data").getString("channel"), "channel: " + read);
        JsonObject optedOut = receiver.about(optedOutId).get(0).json();
        assertEquals("opted-out", optedOut.getString("type"), "the refused send: " + optedOut);
        assertEquals("Failed", optedOut.getJsonObject("data").getString("status"), "its status: " + optedOut);
        assertEquals("opted-out", optedOut.getJsonObject("data").getString("reason"), "its reason: " + optedOut);
    }
}
