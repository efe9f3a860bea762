package it.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SmsDeliveryEvents;
import sandbox.SnsSandboxSigner;
import sandbox.WhatsAppStatuses;

/**
 * A receipt captured once and posted again later, correctly signed, is refused with 403 on every
 * webhook and changes nothing; {@code /webhooks/sms} refuses the same forgeries as
 * {@code /webhooks/ses} (see {@link SnsSignatureIT}). The genuine, fresh receipt still counts.
 */
@ExtendWith(Switchboard.class)
class WebhookReplayIT {
    private static final Duration PAST_SNS_WINDOW = Duration.ofHours(2);
    private static final Duration PAST_META_RETRIES = Duration.ofDays(8);

    @BeforeAll
    static void template() {
        WhatsAppMessages.saveTemplate();
    }

    @Test
    void aSesReceiptSignedHoursAgoIsRefusedAsAReplay() {
        JsonObject sent = Receipts.sentWithoutReceipt();
        String id = sent.getString("communicationId");
        String event = Receipts.sesDelivery(sent.getString("providerMessageId"), sent.getString("address"), id);

        String replayed = Receipts.signer()
                .notification(
                        SnsSandboxSigner.SES_TOPIC,
                        event,
                        SnsSandboxSigner.CERT_URL,
                        "2",
                        Instant.now().minus(PAST_SNS_WINDOW));
        assertEquals(403, Receipts.post("/webhooks/ses", replayed), "a receipt signed two hours ago is refused");
        assertUnchanged(id);

        assertEquals(
                200,
                Receipts.post("/webhooks/ses", Receipts.sesNotification(event)),
                "the same receipt, fresh, is accepted");
        Tracking.awaitRecipient(id, 0, "Delivered");
    }

    @Test
    void forgedAndReplayedSmsReceiptsAreRefusedAndChangeNothing() {
        String messageId = UUID.randomUUID().toString();
        String number = "+447700900"
                + String.format(
                        "%03d", java.util.concurrent.ThreadLocalRandom.current().nextInt(1000));
        String id = SmsReferences.sentSms(messageId, number);
        String event = SmsDeliveryEvents.finalEvent(messageId, number, Instant.now());
        SnsSandboxSigner signer = Receipts.signer();

        Map<String, String> forged = new LinkedHashMap<>();
        forged.put(
                "tampered body",
                signer.notification(SnsSandboxSigner.SMS_TOPIC, event)
                        .replace(messageId, UUID.randomUUID().toString()));
        forged.put("unknown topic", signer.notification("arn:aws:sns:eu-west-1:000000000000:not-ours", event));
        forged.put(
                "certificate URL off AWS",
                signer.notification(
                        SnsSandboxSigner.SMS_TOPIC,
                        event,
                        "https://sns.eu-west-1.amazonaws.com.evil.example/SimpleNotificationService.pem",
                        "2"));
        forged.put(
                "certificate URL over plain HTTP",
                signer.notification(
                        SnsSandboxSigner.SMS_TOPIC,
                        event,
                        "http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-sandbox.pem",
                        "2"));
        forged.put(
                "replayed two hours later",
                signer.notification(
                        SnsSandboxSigner.SMS_TOPIC,
                        event,
                        SnsSandboxSigner.CERT_URL,
                        "2",
                        Instant.now().minus(PAST_SNS_WINDOW)));
        forged.put("no signature at all", event);
        forged.forEach((what, body) -> assertEquals(403, Receipts.post("/webhooks/sms", body), what + " is refused"));
        assertUnchanged(id);

        assertEquals(
                200,
                Receipts.post("/webhooks/sms", signer.notification(SnsSandboxSigner.SMS_TOPIC, event)),
                "the genuine receipt is accepted");
        Tracking.awaitRecipient(id, 0, "Delivered");
    }

    @Test
    void aWhatsAppStatusSignedButOlderThanMetasRetryPeriodIsRefused() {
        String number = WhatsAppMessages.numberWithoutReceipts();
        JsonObject sent = WhatsAppMessages.sent(number);
        String id = sent.getString("communicationId");
        String wamid = sent.getString("providerMessageId");

        Api.Reply replayed = WhatsAppMessages.post(WhatsAppStatuses.notification(WhatsAppMessages.ofSent(
                WhatsAppStatuses.failed(
                        wamid,
                        number,
                        Instant.now().minus(PAST_META_RETRIES),
                        WhatsAppStatuses.UNDELIVERABLE_CODE,
                        WhatsAppStatuses.UNDELIVERABLE_TITLE,
                        "Message Undeliverable."),
                sent)));
        assertEquals(403, replayed.status(), "an eight-day-old status is a replay: " + replayed.body());
        assertTrue(
                replayed.contentType().startsWith("application/problem+json"),
                "as a problem document: " + replayed.contentType());
        assertUnchanged(id);

        Api.Reply fresh = WhatsAppMessages.post(WhatsAppStatuses.notification(
                WhatsAppMessages.ofSent(WhatsAppStatuses.status(wamid, "delivered", number, Instant.now()), sent)));
        assertEquals(200, fresh.status(), "a fresh status is accepted: " + fresh.body());
        Tracking.awaitRecipient(id, 0, "Delivered");
    }

    @Test
    void aReceiptPostedAgainInsideTheWindowIsAcknowledgedAndAppliedOnce() {
        JsonObject sent = Receipts.sentWithoutReceipt();
        String id = sent.getString("communicationId");
        String genuine = Receipts.sesNotification(
                Receipts.sesDelivery(sent.getString("providerMessageId"), sent.getString("address"), id));
        assertEquals(200, Receipts.post("/webhooks/ses", genuine), "the receipt is accepted");
        Tracking.awaitRecipient(id, 0, "Delivered");
        assertEquals(
                200,
                Receipts.post("/webhooks/ses", genuine),
                "the same signed message again is acknowledged (SNS would retry a refusal)");
        assertEquals(1, events(id), "but applied once: one event in the trail");

        String number = WhatsAppMessages.numberWithoutReceipts();
        JsonObject whatsApp = WhatsAppMessages.sent(number);
        String wid = whatsApp.getString("communicationId");
        String delivered = WhatsAppStatuses.notification(WhatsAppMessages.ofSent(
                WhatsAppStatuses.status(whatsApp.getString("providerMessageId"), "delivered", number, Instant.now()),
                whatsApp));
        assertEquals(200, WhatsAppMessages.post(delivered).status(), "a delivered status is accepted");
        Tracking.awaitRecipient(wid, 0, "Delivered");
        assertEquals(200, WhatsAppMessages.post(delivered).status(), "and acknowledged again");
        assertEquals(1, events(wid), "one delivered event, not two");
    }

    @Test
    void snsSignatureVersionOneIsRefusedByDefault() {
        JsonObject sent = Receipts.sentWithoutReceipt();
        String id = sent.getString("communicationId");
        String event = Receipts.sesDelivery(sent.getString("providerMessageId"), sent.getString("address"), id);
        assertEquals(
                403,
                Receipts.post(
                        "/webhooks/ses",
                        Receipts.signer()
                                .notification(SnsSandboxSigner.SES_TOPIC, event, SnsSandboxSigner.CERT_URL, "1")),
                "a genuine SHA-1 signature (SignatureVersion 1) is refused");
        assertUnchanged(id);
    }

    private static int events(String id) {
        return Receipts.timeline(id)
                .getJsonArray("recipients")
                .getJsonObject(0)
                .getJsonArray("events")
                .size();
    }

    private static void assertUnchanged(String id) {
        JsonObject recipient = Receipts.timeline(id).getJsonArray("recipients").getJsonObject(0);
        assertEquals("Sent", recipient.getString("status"), "no refused receipt moved the recipient: " + recipient);
        assertTrue(recipient.getJsonArray("events").isEmpty(), "no refused receipt reached the trail: " + recipient);
    }
}
