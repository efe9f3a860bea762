package it.whatsapp;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sandbox.GraphApiStubs.MESSAGES;
import static sandbox.GraphApiStubs.graphError;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.stubbing.StubMapping;
import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.Sandbox;

/**
 * WhatsApp through the Cloud API, end to end: the real server, WireMock as the Graph API, and
 * customer messages arriving on the signed webhook to open the 24-hour window.
 */
@ExtendWith(Switchboard.class)
class WhatsAppSendIT {
    private static final Api CSR = Api.as("csr");
    /** The local profile's whatsapp.app.secret and whatsapp.verify.token (src-config/.../local.xml). */
    private static final String APP_SECRET = "sandbox-app-secret";

    private static final String VERIFY_TOKEN = "sandbox-verify-token";
    private static final String ACCESS_TOKEN = "sandbox-token";
    private static final String OUT_OF_WINDOW = "outside the 24-hour customer-service window";

    @BeforeAll
    static void template() {
        Api.Reply saved = Api.as("admin").put("/communications/templates/wa-service-reminder", """
                {"locale":"en","channel":"WhatsApp","body":"Hello {{name}}, your {{vehicle}} is due for service on {{date}}.",
                 "whatsappTemplate":"service_reminder","whatsappLanguage":"en_US",
                 "whatsappParameters":["name","vehicle","date"]}""");
        assertEquals(200, saved.status(), "admin saves a template with a WhatsApp template: " + saved.body());
    }

    @AfterEach
    void resetGraphApi() {
        wireMock().resetAll();
        Sandbox.installDefaultStubs(wireMock());
    }

    @Test
    void insideTheWindowATextMessageGoesWithTheDocumentedJsonAndTheWamidIsStored() {
        String number = uniqueNumber();
        assertEquals(200, customerWrites(number).status(), "a signed customer message is accepted");

        String id = Tracking.send(literal(number, "Your car is ready for pick-up."));
        JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);

        List<ServeEvent> calls = callsFor(number);
        assertEquals(1, calls.size(), "one request to the Graph API");
        assertTrue(
                equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"text",
                 "text":{"body":"Your car is ready for pick-up.","preview_url":false},
                 "biz_opaque_callback_data":"%s-0"}""".formatted(number, id))
                        .match(calls.get(0).getRequest().getBodyAsString())
                        .isExactMatch(),
                "the text message body as documented: "
                        + calls.get(0).getRequest().getBodyAsString());
        assertEquals(
                "Bearer " + ACCESS_TOKEN, calls.get(0).getRequest().getHeader("Authorization"), "bearer token sent");
        assertEquals(
                wamidOf(calls.get(0)), recipient.getString("providerMessageId"), "the wamid Graph returned is stored");
        assertTrue(recipient.getString("providerMessageId").startsWith("wamid."), "a WhatsApp message id");
    }

    @Test
    void outsideTheWindowTheApprovedTemplateGoesWithItsParametersInOrder() {
        String number = uniqueNumber();
        String id = Tracking.send(templated(number));
        JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);

        List<ServeEvent> calls = callsFor(number);
        assertEquals(1, calls.size(), "one request to the Graph API");
        assertTrue(
                equalToJson("""
                {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"template",
                 "biz_opaque_callback_data":"%s-0",
                 "template":{"name":"service_reminder","language":{"code":"en_US"},
                   "components":[{"type":"body","parameters":[{"type":"text","text":"Ana"},
                     {"type":"text","text":"Golf"},{"type":"text","text":"1 Dec"}]}]}}""".formatted(number, id))
                        .match(calls.get(0).getRequest().getBodyAsString())
                        .isExactMatch(),
                "the template message as documented: "
                        + calls.get(0).getRequest().getBodyAsString());
        assertEquals(wamidOf(calls.get(0)), recipient.getString("providerMessageId"), "the wamid is stored");
    }

    @Test
    void twoServerErrorsAreRetriedAndTheThirdAttemptIsSent() {
        String number = uniqueNumber();
        customerWrites(number);
        wireMock()
                .stubFor(post(urlPathMatching(MESSAGES))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.to", equalTo(number)))
                        .inScenario(number)
                        .whenScenarioStateIs(STARTED)
                        .willSetStateTo("failed once")
                        .willReturn(graphError(500, 131000, 0, "OAuthException", "Something went wrong")));
        wireMock()
                .stubFor(post(urlPathMatching(MESSAGES))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.to", equalTo(number)))
                        .inScenario(number)
                        .whenScenarioStateIs("failed once")
                        .willSetStateTo("failed twice")
                        .willReturn(graphError(500, 131000, 0, "OAuthException", "Something went wrong")));

        String id = Tracking.send(literal(number, "Your invoice is ready."));
        JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);

        List<ServeEvent> calls = callsFor(number);
        assertEquals(3, calls.size(), "500, 500, then 200");
        assertEquals(
                wamidOf(calls.get(calls.size() - 1)),
                recipient.getString("providerMessageId"),
                "the accepted attempt's wamid");
    }

    @Test
    void anUndeliverableNumberFailsWithTheProvidersReasonAfterOneRequest() {
        String number = uniqueNumber();
        wireMock()
                .stubFor(post(urlPathMatching(MESSAGES))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.to", equalTo(number)))
                        .willReturn(graphError(400, 131026, 0, "OAuthException", "Message undeliverable")));

        String id = Tracking.send(templated(number));
        JsonObject recipient = Tracking.awaitRecipient(id, 0, "Failed");

        String reason = recipient.getString("reason");
        assertTrue(
                reason.contains("131026") && reason.contains("Message undeliverable"),
                "reason carries Graph's error: " + reason);
        assertFalse(reason.contains(ACCESS_TOKEN), "the access token never appears in a reason");
        assertEquals(1, callsFor(number).size(), "a permanent error is not retried");
        assertEquals("Failed", Tracking.communication(id).getString("status"), "the communication failed");
    }

    @Test
    void reengagementRequiredOnATextIsResentAtOnceAsTheTemplate() {
        String number = uniqueNumber();
        customerWrites(number);
        wireMock()
                .stubFor(
                        post(urlPathMatching(MESSAGES))
                                .atPriority(1)
                                .withRequestBody(matchingJsonPath("$.to", equalTo(number)))
                                .withRequestBody(matchingJsonPath("$.type", equalTo("text")))
                                .willReturn(
                                        graphError(
                                                400,
                                                131047,
                                                0,
                                                "OAuthException",
                                                "Re-engagement message: more than 24 hours have passed since the recipient last replied")));

        String id = Tracking.send(templated(number));
        JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);

        List<ServeEvent> calls = callsFor(number);
        assertEquals(
                List.of("text", "template"),
                calls.stream()
                        .map(c -> json(c.getRequest().getBodyAsString()).getString("type"))
                        .toList(),
                "the text, refused with 131047, then the template");
        assertEquals(wamidOf(calls.get(1)), recipient.getString("providerMessageId"), "the template's wamid is stored");
    }

    @Test
    void aRejectedAccessTokenOpensTheCircuitTheChannelReportsItAndSendsResumeOnceTheTokenWorks() {
        String number = uniqueNumber();
        StubMapping expired = wireMock()
                .stubFor(post(urlPathMatching(MESSAGES))
                        .atPriority(1)
                        .willReturn(graphError(
                                401,
                                190,
                                463,
                                "OAuthException",
                                "Error validating access token: Session has expired")));

        String id = Tracking.send(templated(number));
        JsonObject recipient = Tracking.awaitRecipient(id, 0, "Failed");
        assertTrue(
                recipient.getString("reason").contains("access token rejected"),
                "the reason names the token: " + recipient);
        assertFalse(recipient.toString().contains(ACCESS_TOKEN), "but never shows it: " + recipient);
        assertTrue(
                callsFor(number).size() <= 3,
                "no in-process retries against a rejected token, at most one call per delivery attempt: "
                        + callsFor(number).size());
        JsonObject whatsapp = whatsAppChannel();
        assertEquals("open", whatsapp.getString("circuit"), "the channel reports the open circuit: " + whatsapp);
        assertTrue(whatsapp.getString("recentError").contains("190"), "and why: " + whatsapp);
        assertFalse(whatsapp.toString().contains(ACCESS_TOKEN), "without the token: " + whatsapp);

        wireMock().removeStub(expired); // the operator renewed the token
        // Sends fail fast until the circuit tries Graph again (whatsapp.token.recheck.ms, 2 s locally); then one goes
        // through.
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .alias("a send goes through again")
                .until(() ->
                        List.of("Sent", "Delivered").contains(settledStatus(Tracking.send(templated(uniqueNumber())))));
        assertEquals("UP", whatsAppChannel().getString("state"), "the channel is up again");
    }

    /** The recipient's status once it left Pending. */
    private static String settledStatus(String id) {
        String[] status = new String[1];
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            status[0] = Tracking.communication(id)
                    .getJsonArray("recipients")
                    .getJsonObject(0)
                    .getString("status");
            return !"Pending".equals(status[0]);
        });
        return status[0];
    }

    private static JsonObject whatsAppChannel() {
        try (var reader = Json.createReader(
                new StringReader(CSR.get("/communications/channels").body()))) {
            return reader.readArray().stream()
                    .map(JsonObject.class::cast)
                    .filter(c -> "WhatsApp".equals(c.getString("channel")))
                    .findFirst()
                    .orElseThrow();
        }
    }

    @Test
    void aWronglySignedOrUnsignedWebhookIsForbiddenAndOpensNoWindow() {
        String number = uniqueNumber();
        String payload = inboundPayload(number, Instant.now());
        Api.Reply wrong = Api.anonymous()
                .post("/webhooks/whatsapp", payload, "X-Hub-Signature-256", sign("not-the-app-secret", payload));
        Api.Reply missing = Api.anonymous().post("/webhooks/whatsapp", payload);
        assertEquals(403, wrong.status(), "a wrong signature is refused: " + wrong.body());
        assertTrue(
                wrong.contentType().startsWith("application/problem+json"),
                "as a problem document: " + wrong.contentType());
        assertEquals(403, missing.status(), "a missing signature is refused: " + missing.body());

        Api.Reply send = CSR.post("/communications/send", literal(number, "Your car is ready."));
        assertRefused(send, OUT_OF_WINDOW);
    }

    @Test
    void theSubscriptionHandshakeEchoesTheChallengeOnlyForOurVerifyToken() {
        Api.Reply ok = Api.anonymous()
                .get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=" + VERIFY_TOKEN
                        + "&hub.challenge=1158201444");
        assertEquals(200, ok.status(), "the right verify token is answered: " + ok.body());
        assertTrue(ok.contentType().startsWith("text/plain"), "as plain text: " + ok.contentType());
        assertEquals("1158201444", ok.body(), "the challenge is echoed");

        Api.Reply wrong = Api.anonymous()
                .get("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1158201444");
        assertEquals(403, wrong.status(), "a wrong verify token is refused: " + wrong.body());
        assertFalse(wrong.body().contains("1158201444"), "and the challenge is not echoed");
    }

    @Test
    void literalTextToANumberOutsideTheWindowIsRefusedAndNothingIsSent() {
        String number = uniqueNumber();
        assertRefused(CSR.post("/communications/send", literal(number, "Your car is ready.")), OUT_OF_WINDOW);
        assertEquals(0, callsFor(number).size(), "nothing went to the Graph API");
    }

    @Test
    void textOverTheWhatsAppLimitIsRefusedEvenInsideTheWindow() {
        String number = uniqueNumber();
        customerWrites(number);
        assertRefused(CSR.post("/communications/send", literal(number, "x".repeat(4097))), "4096");
        assertEquals(0, callsFor(number).size(), "nothing went to the Graph API");
    }

    private static void assertRefused(Api.Reply reply, String reason) {
        assertEquals(422, reply.status(), "refused at send time: " + reply.body());
        JsonObject error = reply.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("recipients[0]", error.getString("field"), "the problem names the recipient: " + reply.body());
        assertTrue(error.getString("message").contains(reason), "with the reason: " + reply.body());
    }

    /** A customer message from {@code number}, signed as Meta signs it, posted to our webhook. */
    private static Api.Reply customerWrites(String number) {
        String payload = inboundPayload(number, Instant.now());
        return Api.anonymous().post("/webhooks/whatsapp", payload, "X-Hub-Signature-256", sign(APP_SECRET, payload));
    }

    private static String inboundPayload(String number, Instant at) {
        String waId = number.substring(1);
        return """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"100000000000001"},
                  "contacts":[{"profile":{"name":"Ana"},"wa_id":"%s"}],
                  "messages":[{"from":"%s","id":"wamid.inbound%d","timestamp":"%d","text":{"body":"Is my car ready?"},"type":"text"}]},
                  "field":"messages"}]}]}""".formatted(waId, waId, at.toEpochMilli(), at.getEpochSecond());
    }

    private static String sign(String secret, String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String literal(String number, String text) {
        return """
                {"message":{"content":"%s"},"recipients":[{"channel":"WhatsApp","address":"%s"}]}""".formatted(text, number);
    }

    private static String templated(String number) {
        return """
                {"message":{"templateId":"wa-service-reminder","variables":{"name":"Ana","vehicle":"Golf","date":"1 Dec"}},
                 "recipients":[{"channel":"WhatsApp","address":"%s"}]}""".formatted(number);
    }

    /** The Graph API requests for one number, oldest first. */
    private static List<ServeEvent> callsFor(String number) {
        return wireMock().getAllServeEvents().stream()
                .filter(e -> postRequestedFor(urlPathMatching(MESSAGES))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(number)))
                        .build()
                        .match(e.getRequest())
                        .isExactMatch())
                .sorted((a, b) ->
                        a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
                .toList();
    }

    private static String wamidOf(ServeEvent call) {
        return json(call.getResponse().getBodyAsString())
                .getJsonArray("messages")
                .getJsonObject(0)
                .getString("id");
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /**
     * A valid Spanish mobile number (every +3461xxxxxxx is valid for libphonenumber) no other test
     * uses; it ends in 7 so it is never one the sandbox answers with a failed status (…0000).
     */
    private static String uniqueNumber() {
        return "+3461" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)) + "7";
    }

    private static WireMockServer wireMock() {
        return Switchboard.sandbox().wireMock();
    }
}
