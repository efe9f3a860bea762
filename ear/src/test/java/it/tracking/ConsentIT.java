package it.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SnsSandboxSigner;

/**
 * Consent customers and staff manage: START lifts a STOP on WhatsApp and on SMS (whose replies
 * come through the SMS events topic), staff see an address's suppression and its history, an
 * admin lifts one with a reason, and a hard bounce is lifted only once confirmed.
 */
@ExtendWith(Switchboard.class)
class ConsentIT {
    private static final String SUPPRESSIONS = "/communications/suppressions";

    @BeforeAll
    static void template() {
        WhatsAppMessages.saveTemplate();
    }

    @Test
    void startOnWhatsAppLiftsTheCustomersOwnStop() {
        String number = WhatsAppMessages.numberWithReceipts();
        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppMessages.customerText(number, "STOP"))
                        .status());
        assertEquals(
                "opted-out",
                Tracking.awaitRecipient(whatsApp(number), 0, "Failed").getString("reason"),
                "STOP holds");

        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppMessages.customerText(number, " start "))
                        .status());
        Tracking.awaitRecipientAccepted(whatsApp(number), 0);
        JsonObject view = lookUp("WhatsApp", number);
        assertFalse(view.getBoolean("suppressed"), view.toString());
        assertEquals(
                List.of("lifted", "suppressed opted-out"), actions(view), "both replies are in the history: " + view);
        assertEquals(
                "the customer", view.getJsonArray("history").getJsonObject(0).getString("by"));
    }

    @Test
    void stopAndStartBySmsArriveThroughTheSmsEventsTopic() {
        String number =
                "+447400" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        assertEquals(200, Receipts.post("/webhooks/sms", inboundSms(number, "Stop")), "the reply is accepted");
        JsonObject stopped = lookUp("SMS", number);
        assertTrue(stopped.getBoolean("suppressed"), stopped.toString());
        assertEquals("opted-out", stopped.getString("kind"));
        assertEquals(
                "opted-out",
                Tracking.awaitRecipient(sms(number), 0, "Failed").getString("reason"),
                "the next SMS is not sent");

        assertEquals(200, Receipts.post("/webhooks/sms", inboundSms(number, "UNSTOP")));
        assertFalse(lookUp("SMS", number).getBoolean("suppressed"), "UNSTOP lifts it");
        Tracking.awaitRecipientAccepted(sms(number), 0);
    }

    @Test
    void anAdminLiftsAnOptOutWithAReasonAndACsrMayOnlyLook() {
        String number =
                "+447400" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
        Receipts.post("/webhooks/sms", inboundSms(number, "STOP"));
        String query = SUPPRESSIONS + "?channel=SMS&address=" + enc(number);

        assertEquals(403, Api.as("csr").delete(query + "&reason=asked").status(), "a CSR may not lift");
        Api.Reply noReason = Api.as("admin").delete(query);
        assertEquals(400, noReason.status(), noReason.body());
        assertEquals(
                "reason",
                noReason.json().getJsonArray("errors").getJsonObject(0).getString("field"));

        Api.Reply lifted = Api.as("admin").delete(query + "&reason=" + enc("customer asked by phone to hear again"));
        assertEquals(200, lifted.status(), lifted.body());
        assertFalse(lifted.json().getBoolean("suppressed"));
        JsonObject entry = lifted.json().getJsonArray("history").getJsonObject(0);
        assertEquals(Api.userName("admin"), entry.getString("by"), "who lifted it");
        assertEquals("customer asked by phone to hear again", entry.getString("reason"), "and why");
        assertEquals(404, Api.as("admin").delete(query + "&reason=again").status(), "nothing left to lift");

        Api.Reply page = Api.as("csr").get(SUPPRESSIONS + "?channel=SMS&limit=5");
        assertEquals(200, page.status(), page.body());
    }

    @Test
    void aHardBounceIsLiftedOnlyOnceConfirmed() {
        String address = "bounced-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String bounce = Receipts.sesEvent(
                "Bounce",
                "bounce",
                "{\"bounceType\":\"Permanent\",\"bounceSubType\":\"General\","
                        + "\"bouncedRecipients\":[{\"emailAddress\":\"" + address
                        + "\",\"diagnosticCode\":\"smtp; 550 5.1.1 user unknown\"}]}",
                "0100-" + UUID.randomUUID(),
                address,
                UUID.randomUUID().toString());
        assertEquals(200, Receipts.post("/webhooks/ses", Receipts.sesNotification(bounce)));
        JsonObject view = lookUp("Email", address);
        assertEquals("suppressed", view.getString("kind"), "a bounce: " + view);

        String query = SUPPRESSIONS + "?channel=Email&address=" + enc(address) + "&reason=" + enc("mailbox fixed");
        Api.Reply warned = Api.as("admin").delete(query);
        assertEquals(409, warned.status(), warned.body());
        assertTrue(warned.body().contains("reputation"), "the answer warns why: " + warned.body());
        assertTrue(lookUp("Email", address).getBoolean("suppressed"), "still suppressed");
        assertEquals(200, Api.as("admin").delete(query + "&confirm=true").status());
        assertFalse(lookUp("Email", address).getBoolean("suppressed"));
    }

    private static JsonObject lookUp(String channel, String address) {
        Api.Reply r = Api.as("csr").get(SUPPRESSIONS + "?channel=" + channel + "&address=" + enc(address));
        assertEquals(200, r.status(), r.body());
        return r.json();
    }

    private static List<String> actions(JsonObject view) {
        return view.getJsonArray("history").getValuesAs(JsonObject.class).stream()
                .map(h -> h.getString("action"))
                .toList();
    }

    /** A customer's SMS as AWS End User Messaging two-way SMS publishes it to the SMS events topic. */
    private static String inboundSms(String from, String text) {
        return Receipts.signer().notification(SnsSandboxSigner.SMS_TOPIC, """
                {"originationNumber":"%s","destinationNumber":"+447700900000","messageKeyword":"KEYWORD_447700900000",
                 "messageBody":"%s","inboundMessageId":"%s"}""".formatted(from, text, UUID.randomUUID()));
    }

    private static String whatsApp(String number) {
        return Tracking.send("""
                {"message":{"content":"Your car is ready."},"recipients":[{"channel":"WhatsApp","address":"%s"}]}""".formatted(number));
    }

    private static String sms(String number) {
        return Tracking.send("""
                {"message":{"content":"Your car is ready."},"recipients":[{"channel":"SMS","address":"%s"}]}""".formatted(number));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
