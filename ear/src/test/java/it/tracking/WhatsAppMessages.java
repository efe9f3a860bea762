package it.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.client.WireMock;
import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;
import sandbox.GraphApiStubs;
import sandbox.WhatsAppStatuses;

/** WhatsApp sends and webhook notifications for the tracking tests, signed as Meta signs them. */
final class WhatsAppMessages {
    static final String TEMPLATE = "wa-tracking-notice";

    private WhatsAppMessages() {}

    /** Saves the template the sends use (its approved WhatsApp template goes outside the 24-hour window). */
    static void saveTemplate() {
        Api.Reply saved = Api.as("admin").put("/communications/templates/" + TEMPLATE, """
                {"locale":"en","subject":"Your {{vehicle}}","body":"Hello {{name}}, your {{vehicle}} is ready.",
                 "whatsappTemplate":"car_ready","whatsappLanguage":"en_US","whatsappParameters":["name","vehicle"]}""");
        assertEquals(200, saved.status(), "admin saves the WhatsApp template: " + saved.body());
    }

    /** A valid Spanish mobile number the sandbox posts no status for, so the test posts its own. */
    static String numberWithoutReceipts() {
        return WhatsAppStatuses.NO_RECEIPT_PREFIX
                + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }

    /** A valid Spanish mobile number the sandbox answers with statuses (never one ending in its failure suffix). */
    static String numberWithReceipts() {
        return "+3462" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)) + "3";
    }

    /** Sends the template to {@code number}; waits until Graph accepted it and returns the recipient with the communication id. */
    static JsonObject sent(String number) {
        String id = Tracking.send("""
                {"message":{"templateId":"%s","variables":{"name":"Ana","vehicle":"Golf"}},
                 "recipients":[{"channel":"WhatsApp","address":"%s"}]}""".formatted(TEMPLATE, number));
        JsonObject recipient = Tracking.awaitRecipient(id, 0, "Sent");
        return jakarta.json.Json.createObjectBuilder(recipient)
                .add("communicationId", id)
                .build();
    }

    /** Posts a webhook body with Meta's signature under {@code secret}. */
    /** {@code status} as Meta sends it for a message we sent: echoing the delivery id we gave as biz_opaque_callback_data. */
    static JsonObject ofSent(JsonObject status, JsonObject sent) {
        return WhatsAppStatuses.withCallbackData(status, sent.getString("communicationId") + "-0");
    }

    static Api.Reply post(String body, String secret) {
        return Api.anonymous()
                .post("/webhooks/whatsapp", body, "X-Hub-Signature-256", WhatsAppStatuses.sign(secret, body));
    }

    static Api.Reply post(String body) {
        return post(body, WhatsAppStatuses.APP_SECRET);
    }

    /** A customer's text message from {@code number}, as the webhook documents it. */
    static String customerText(String number, String text) {
        String waId = number.substring(1);
        Instant at = Instant.now();
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"100000000000001"},
                  "contacts":[{"profile":{"name":"Ana"},"wa_id":"%s"}],
                  "messages":[{"from":"%s","id":"wamid.in%d","timestamp":"%d","text":{"body":"%s"},"type":"text"}]},
                  "field":"messages"}]}]}""".formatted(waId, waId, at.toEpochMilli(), at.getEpochSecond(), text);
    }

    /** How many Graph {@code messages} requests went to {@code number}. */
    static int graphRequestsTo(String number) {
        return Switchboard.sandbox()
                .wireMock()
                .findAll(WireMock.postRequestedFor(WireMock.urlPathMatching(GraphApiStubs.MESSAGES))
                        .withRequestBody(WireMock.matchingJsonPath("$.to", WireMock.equalTo(number))))
                .size();
    }
}
