package it.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SnsSandboxSigner;

/** SMS delivery events arriving through SNS move the SMS recipient found by Publish's message id. */
@ExtendWith(Switchboard.class)
class SmsReceiptIT {

    private static String endUserMessagingEvent(String messageId, String eventType, String status, String description) {
        return """
                {"eventType":"%s","eventVersion":"1.0","eventTimestamp":1764064800000,"isFinal":true,
                 "originationPhoneNumber":"+447700900001","destinationPhoneNumber":"+447700900123","isInternationalSend":false,
                 "mcc":"234","mnc":"15","messageId":"%s","messageRequestTimestamp":1764064799000,"messageEncoding":"GSM",
                 "messageType":"TRANSACTIONAL","messageStatus":"%s","messageStatusDescription":"%s",
                 "totalMessageParts":1,"totalMessagePrice":0.0402,"totalCarrierFee":0.0}""".formatted(eventType, messageId, status, description);
    }

    private static int post(String event) {
        return Receipts.post("/webhooks/sms", Receipts.signer().notification(SnsSandboxSigner.SMS_TOPIC, event));
    }

    @Test
    void endUserMessagingDeliveredEventDeliversTheSmsRecipient() {
        String messageId = UUID.randomUUID().toString();
        String id = SmsReferences.sentSms(messageId, "+447700900123");
        assertEquals(
                200,
                post(endUserMessagingEvent(messageId, "TEXT_SUCCESSFUL", "SUCCESSFUL", "accepted by carrier")),
                "an intermediate event is accepted");
        assertEquals(
                200,
                post(endUserMessagingEvent(
                        messageId, "TEXT_DELIVERED", "DELIVERED", "Message has been accepted by phone")),
                "the delivered event is accepted");
        Tracking.awaitRecipient(id, 0, "Delivered");
        assertEquals("Delivered", Tracking.communication(id).getString("status"), "the communication is Delivered");
        assertEquals(
                2,
                Receipts.timeline(id)
                        .getJsonArray("recipients")
                        .getJsonObject(0)
                        .getJsonArray("events")
                        .size(),
                "both events are on the trail");
    }

    @Test
    void snsDeliveryStatusFailureFailsTheSmsRecipientWithTheCarriersReason() {
        String messageId = UUID.randomUUID().toString();
        String id = SmsReferences.sentSms(messageId, "+447700900124");
        String log = """
                {"notification":{"messageId":"%s","timestamp":"2026-11-25 10:00:00.558"},
                 "delivery":{"phoneCarrier":"Carrier","mnc":15,"destination":"+447700900124","priceInUSD":0.0402,
                 "smsType":"Transactional","mcc":234,"providerResponse":"Phone carrier has blocked this message",
                 "dwellTimeMs":311},"status":"FAILURE"}""".formatted(messageId);
        assertEquals(200, post(log), "the failure log entry is accepted");
        JsonObject recipient = Tracking.awaitRecipient(id, 0, "Failed");
        assertEquals("Phone carrier has blocked this message", recipient.getString("reason"), "the carrier's reason");
        assertEquals("Failed", Tracking.communication(id).getString("status"), "the communication is Failed");
    }

    @Test
    void aReceiptForAnUnknownMessageIdIsAnsweredOkAndChangesNothing() {
        String id = SmsReferences.sentSms(UUID.randomUUID().toString(), "+447700900125");
        String unknown = UUID.randomUUID().toString();
        assertEquals(
                200,
                post(endUserMessagingEvent(unknown, "TEXT_DELIVERED", "DELIVERED", "delivered")),
                "SNS must not retry a receipt we cannot match");
        JsonObject recipient = Receipts.timeline(id).getJsonArray("recipients").getJsonObject(0);
        assertEquals("Sent", recipient.getString("status"), "another message's recipient is untouched");
        assertTrue(recipient.getJsonArray("events").isEmpty(), "and has no event: " + recipient);
    }
}
