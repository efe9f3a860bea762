package it.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SnsSandboxSigner;

/** A receipt that is not a verified SNS message from an allowed topic is refused with 403 and changes nothing. */
@ExtendWith(Switchboard.class)
class SnsSignatureIT {

    @Test
    void forgedReceiptsAreRefusedAndTheGenuineOneStillDelivers() {
        JsonObject sent = Receipts.sentWithoutReceipt();
        String id = sent.getString("communicationId");
        String event = Receipts.sesDelivery(sent.getString("providerMessageId"), sent.getString("address"), id);
        String genuine = Receipts.sesNotification(event);

        Map<String, String> forged = Map.of(
                "wrong signature",
                        with(
                                genuine,
                                "Signature",
                                Receipts.signer()
                                        .notification(SnsSandboxSigner.SES_TOPIC, "{}")
                                        .replaceAll(".*\"Signature\":\"([^\"]+)\".*", "$1")),
                "tampered body", with(genuine, "Message", event.replace("250 2.6.0", "250 2.6.1")),
                "unknown topic", Receipts.signer().notification("arn:aws:sns:eu-west-1:000000000000:not-ours", event),
                "non-AWS certificate URL",
                        Receipts.signer()
                                .notification(
                                        SnsSandboxSigner.SES_TOPIC,
                                        event,
                                        "https://certificates.example.com/SimpleNotificationService.pem",
                                        "2"),
                "plain HTTP certificate URL",
                        Receipts.signer()
                                .notification(
                                        SnsSandboxSigner.SES_TOPIC,
                                        event,
                                        "http://sns.eu-west-1.amazonaws.com/SimpleNotificationService-sandbox.pem",
                                        "2"),
                "not SNS at all", event);
        forged.forEach((what, body) -> assertEquals(403, Receipts.post("/webhooks/ses", body), what + " is refused"));

        JsonObject recipient = Receipts.timeline(id).getJsonArray("recipients").getJsonObject(0);
        assertEquals("Sent", recipient.getString("status"), "no forged receipt moved the recipient");
        assertTrue(recipient.getJsonArray("events").isEmpty(), "no forged receipt reached the trail: " + recipient);

        assertEquals(
                200,
                Receipts.post("/webhooks/ses", genuine),
                "the genuine receipt, posted without any login, is accepted");
        Tracking.awaitRecipient(id, 0, "Delivered");
    }

    @Test
    void subscriptionConfirmationsAreHonouredOnlyForAllowedTopicsAndSnsUrls() {
        var wireMock = Switchboard.sandbox().wireMock();
        String confirmUrl = "http://127.0.0.1:8089/sns-confirm?Token=abc";
        assertEquals(
                403,
                Receipts.post(
                        "/webhooks/ses",
                        Receipts.signer()
                                .confirmation(
                                        "SubscriptionConfirmation",
                                        "arn:aws:sns:eu-west-1:000000000000:not-ours",
                                        confirmUrl)),
                "a confirmation for a foreign topic is refused");
        assertEquals(
                403,
                Receipts.post(
                        "/webhooks/ses",
                        Receipts.signer()
                                .confirmation("SubscriptionConfirmation", SnsSandboxSigner.SES_TOPIC, confirmUrl)),
                "a SubscribeURL off the SNS host is refused, even signed");
        assertEquals(
                0,
                wireMock.findAll(com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor(
                                com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo("/sns-confirm")))
                        .size(),
                "no SubscribeURL was fetched");
        assertEquals(
                200,
                Receipts.post(
                        "/webhooks/sms",
                        Receipts.signer()
                                .confirmation(
                                        "UnsubscribeConfirmation",
                                        SnsSandboxSigner.SMS_TOPIC,
                                        "https://sns.eu-west-1.amazonaws.com/?Action=ConfirmSubscription&Token=abc")),
                "an unsubscribe confirmation is acknowledged and ignored");
    }

    private static String with(String notification, String field, String value) {
        return Json.createObjectBuilder(Json.createReader(new java.io.StringReader(notification))
                        .readObject())
                .add(field, value)
                .build()
                .toString();
    }
}
