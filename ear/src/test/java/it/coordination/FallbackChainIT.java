package it.coordination;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static it.coordination.Coordination.awaitEntry;
import static it.coordination.Coordination.recipients;
import static it.coordination.Coordination.resetWireMock;
import static it.coordination.Coordination.saveWhatsAppTemplate;
import static it.coordination.Coordination.smsTo;
import static it.coordination.Coordination.stakeholder;
import static it.coordination.Coordination.uniqueEmail;
import static it.coordination.Coordination.uniqueNumber;
import static it.coordination.Coordination.wireMock;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sandbox.GraphApiStubs.MESSAGES;
import static sandbox.GraphApiStubs.graphError;

import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SesEventPoster;

/**
 * Fallback chains end to end: the next channel takes over when one fails for good or is not
 * Delivered within escalateAfter, each attempt is a recipient entry linked to the one before, and
 * nobody gets the message twice.
 */
@ExtendWith(Switchboard.class)
class FallbackChainIT {

    @BeforeAll
    static void template() {
        saveWhatsAppTemplate("fb-service-reminder");
    }

    @AfterEach
    void resetSandbox() {
        resetWireMock();
    }

    @Test
    void whatsAppRefusingTheNumberHandsOverToSmsAndTheChainIsShown() {
        String number = uniqueNumber();
        wireMock()
                .stubFor(post(urlPathMatching(MESSAGES))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.to", equalTo(number)))
                        .willReturn(graphError(400, 131026, 0, "OAuthException", "Message undeliverable")));
        String customer = stakeholder("Customer", """
                {"WhatsApp":{"number":"%s"},"SMS":{"number":"%s"}}""".formatted(number, number));

        String id = Tracking.send("""
                {"message":{"templateId":"fb-service-reminder","variables":{"name":"Ana"}},
                 "stakeholderIds":["%s"],"fallback":["SMS"]}""".formatted(customer));

        JsonObject sms = awaitEntry(id, 1, "Sent");
        JsonObject whatsapp = recipients(id).getJsonObject(0);
        assertEquals("WhatsApp", whatsapp.getString("channel"), "first on WhatsApp");
        assertEquals("content-whatsapp-template", whatsapp.getString("rule"), "the template chose WhatsApp");
        assertEquals("Failed", whatsapp.getString("status"), "WhatsApp failed for good");
        assertTrue(whatsapp.getString("reason").contains("131026"), "with Graph's reason: " + whatsapp);
        assertEquals(1, whatsapp.getInt("nextIndex"), "the WhatsApp attempt links to the next: " + whatsapp);
        assertEquals("SMS", sms.getString("channel"), "then on SMS");
        assertEquals("fallback", sms.getString("rule"), "chosen as the fallback");
        assertEquals(0, sms.getInt("previousIndex"), "the SMS attempt links back: " + sms);
        assertEquals(number, sms.getString("address"), "at the stakeholder's SMS number");
        assertEquals(1, smsTo(number).size(), "one SMS published");
        JsonObject communication = Tracking.communication(id);
        assertEquals("Sent", communication.getString("status"), "not Failed: the message went out on SMS");
        assertEquals(1, communication.getJsonObject("counts").getInt("Failed"), "one attempt counted Failed");
        assertEquals(1, communication.getJsonObject("counts").getInt("Sent"), "one attempt counted Sent");
    }

    @Test
    void anAttemptNotDeliveredWithinEscalateAfterHandsOverToTheNextChannel() {
        String mail = uniqueEmail(SesEventPoster.NO_RECEIPT_DOMAIN);
        String number = uniqueNumber();
        String id = Tracking.send("""
                {"message":{"subject":"Recall","content":"Please book a recall appointment."},"escalateAfter":"PT3S",
                 "recipients":[{"channel":"Email","address":"%s","fallbacks":[{"channel":"SMS","address":"%s"}]}]}""".formatted(mail, number));

        Tracking.awaitRecipient(id, 0, "Sent");
        assertTrue(smsTo(number).isEmpty(), "no SMS while the mail may still be delivered");
        JsonObject sms = awaitEntry(id, 1, "Sent");
        JsonObject email = recipients(id).getJsonObject(0);
        assertEquals("Sent", email.getString("status"), "the mail was never Delivered");
        assertEquals(1, email.getInt("nextIndex"), "the mail links to the escalation");
        assertEquals(0, sms.getInt("previousIndex"), "the SMS links back to the mail");
        assertEquals("fallback", sms.getString("rule"), "rule fallback");
        Duration waited = Duration.between(
                java.time.Instant.parse(email.getString("sentAt")), java.time.Instant.parse(sms.getString("sentAt")));
        assertTrue(waited.compareTo(Duration.ofSeconds(3)) >= 0, "escalated only after PT3S, took " + waited);
        assertEquals(1, smsTo(number).size(), "one SMS published");
    }

    @Test
    void aRecipientDeliveredOnOneChannelIsNotSentOnTheNext() {
        String mail = uniqueEmail("@example.com");
        String number = uniqueNumber();
        String id = Tracking.send("""
                {"message":{"subject":"Invoice","content":"Your invoice is ready."},"escalateAfter":"PT2S",
                 "recipients":[{"channel":"Email","address":"%s","fallbacks":[{"channel":"SMS","address":"%s"}]}]}""".formatted(mail, number));

        Tracking.awaitRecipient(id, 0, "Delivered");
        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(6))
                .pollInterval(Duration.ofMillis(500))
                .alias("no escalation after the mail was delivered")
                .until(() -> smsTo(number).isEmpty() && recipients(id).size() == 1);
        JsonObject email = recipients(id).getJsonObject(0);
        assertFalse(email.containsKey("nextIndex"), "the chain ended at the mail: " + email);
        assertEquals(
                "SMS",
                email.getJsonArray("fallbacks").getJsonObject(0).getString("channel"),
                "the unused fallback is still shown");
        assertEquals("Delivered", Tracking.communication(id).getString("status"), "the communication is Delivered");
    }

    @Test
    void aBouncedMailHandsOverToTheNextChannel() {
        String number = uniqueNumber();
        String id = Tracking.send("""
                {"message":{"subject":"Recall","content":"Please book a recall appointment."},
                 "recipients":[{"channel":"Email","address":"%s","fallbacks":[{"channel":"SMS","address":"%s"}]}]}""".formatted(SesEventPoster.BOUNCE_ADDRESS, number));

        JsonObject sms = awaitEntry(id, 1, "Sent");
        assertEquals("Failed", recipients(id).getJsonObject(0).getString("status"), "the bounce failed the mail");
        assertEquals(number, sms.getString("address"), "the SMS went to the fallback number");
        assertEquals(1, smsTo(number).size(), "one SMS published");
    }
}
