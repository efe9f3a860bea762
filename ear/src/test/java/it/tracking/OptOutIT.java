package it.tracking;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.Sandbox;
import sandbox.SnsStubs;

/** Opt-outs we learn from the providers: a STOP reply on WhatsApp, SNS's own opted-out answer. */
@ExtendWith(Switchboard.class)
class OptOutIT {

    @BeforeAll
    static void template() {
        WhatsAppMessages.saveTemplate();
    }

    @AfterEach
    void defaultStubs() {
        Switchboard.sandbox().wireMock().resetAll();
        Sandbox.installDefaultStubs(Switchboard.sandbox().wireMock());
    }

    @Test
    void aStopReplyOnWhatsAppFailsTheNextSendOptedOutWithoutCallingGraph() {
        String number = WhatsAppMessages.numberWithReceipts();
        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppMessages.customerText(number, "  Stop "))
                        .status(),
                "the customer's STOP reply is accepted");

        String id = Tracking.send("""
                {"message":{"content":"Your car is ready."},"recipients":[{"channel":"WhatsApp","address":"%s"}]}""".formatted(number));
        JsonObject recipient = Tracking.awaitRecipient(id, 0, "Failed");
        assertEquals("opted-out", recipient.getString("reason"), "the number opted out: " + recipient);
        assertEquals(0, WhatsAppMessages.graphRequestsTo(number), "nothing went to the Graph API");
    }

    @Test
    void aWhatsAppSentenceContainingStopDoesNotOptOut() {
        String number = WhatsAppMessages.numberWithReceipts();
        assertEquals(
                200,
                WhatsAppMessages.post(WhatsAppMessages.customerText(number, "Please don't stop the service"))
                        .status(),
                "the reply is accepted");
        String id = Tracking.send("""
                {"message":{"content":"Noted."},"recipients":[{"channel":"WhatsApp","address":"%s"}]}""".formatted(number));
        JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);
        assertEquals(1, WhatsAppMessages.graphRequestsTo(number), "the reply went to the Graph API: " + recipient);
    }

    @Test
    void snsOptedOutAnswerPutsTheNumberOnOurListSoTheNextSmsNeverReachesSns() {
        String number =
                "+447400" + String.format("%06d", ThreadLocalRandom.current().nextInt(999_999));
        Switchboard.sandbox()
                .wireMock()
                .stubFor(SnsStubs.publish()
                        .withFormParam("PhoneNumber", equalTo(number))
                        .atPriority(1)
                        .willReturn(SnsStubs.error(400, "Sender", "OptedOut", "Phone number is opted out")));

        JsonObject first = Tracking.awaitRecipient(sms(number), 0, "Failed");
        assertEquals("opted-out", first.getString("reason"), "SNS's answer: " + first);
        JsonObject second = Tracking.awaitRecipient(sms(number), 0, "Failed");
        assertEquals("opted-out", second.getString("reason"), "the next send: " + second);
        assertEquals(
                1,
                Switchboard.sandbox()
                        .wireMock()
                        .findAll(postRequestedFor(urlEqualTo("/"))
                                .withFormParam("Action", equalTo("Publish"))
                                .withFormParam("PhoneNumber", equalTo(number)))
                        .size(),
                "only the first send reached SNS");
    }

    private static String sms(String number) {
        return Tracking.send("""
                {"message":{"content":"Your service is booked."},"recipients":[{"channel":"SMS","address":"%s"}]}""".formatted(number));
    }
}
