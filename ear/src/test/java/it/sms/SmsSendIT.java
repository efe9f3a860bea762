package it.sms;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.stubbing.Scenario.STARTED;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import it.support.Api;
import it.support.LocalDynamo;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.ProviderReceiptListener;
import sandbox.Sandbox;
import sandbox.SnsStubs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** A CSR's SMS goes through Amazon SNS (WireMock speaking its Query API) and its outcome shows in the API. */
@ExtendWith(Switchboard.class)
class SmsSendIT {
    private static final Api CSR = Api.as("csr");
    private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>([^<]+)</MessageId>");

    @AfterEach
    void defaultStubs() {
        wireMock().resetAll();
        Sandbox.installDefaultStubs(wireMock());
    }

    @Test
    void smsIsPublishedAsTheDocumentedQueryAndShowsSentWithTheSnsMessageId() {
        String number = uniqueNumber();
        String id = sendSms(number, "Your Golf is ready for pick-up: £20 to pay.");

        JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);
        List<LoggedRequest> publishes = publishesTo(number);
        assertEquals(1, publishes.size(), "one Publish for one SMS");
        Map<String, String> form = ProviderReceiptListener.form(publishes.get(0).getBodyAsString());
        assertEquals("Publish", form.get("Action"), "Query API action");
        assertEquals("2010-03-31", form.get("Version"), "Query API version");
        assertEquals(number, form.get("PhoneNumber"), "published to the phone number, not a topic");
        assertEquals("Your Golf is ready for pick-up: £20 to pay.", form.get("Message"), "the rendered text");
        Map<String, String> attributes = messageAttributes(form);
        assertEquals("String:Transactional", attributes.get("AWS.SNS.SMS.SMSType"), "transactional SMS: " + form);
        assertEquals(
                "String:Switchboard", attributes.get("AWS.SNS.SMS.SenderID"), "the local profile's sender id: " + form);
        assertEquals(2, attributes.size(), "no origination number is configured locally: " + form);

        assertEquals(
                messageIdAnsweredTo(number), recipient.getString("providerMessageId"), "the SNS MessageId is stored");
        assertEquals(1, recipient.getInt("segments"), "a short GSM-7 text is one part");
        String status = Tracking.communication(id).getString("status");
        assertTrue(
                List.of("Sent", "Delivered").contains(status),
                "communication is Sent (or Delivered by the sandbox receipt): " + status);
    }

    @Test
    void serverErrorsAreRetriedAndTheThirdAttemptIsSent() {
        String number = uniqueNumber();
        String scenario = "flaky-" + number;
        wireMock()
                .stubFor(SnsStubs.publish()
                        .withFormParam("PhoneNumber", equalTo(number))
                        .atPriority(1)
                        .inScenario(scenario)
                        .whenScenarioStateIs(STARTED)
                        .willSetStateTo("failed once")
                        .willReturn(SnsStubs.error(500, "Receiver", "InternalError", "Internal service error")));
        wireMock()
                .stubFor(SnsStubs.publish()
                        .withFormParam("PhoneNumber", equalTo(number))
                        .atPriority(1)
                        .inScenario(scenario)
                        .whenScenarioStateIs("failed once")
                        .willSetStateTo("failed twice")
                        .willReturn(SnsStubs.error(500, "Receiver", "InternalError", "Internal service error")));

        JsonObject recipient = Tracking.awaitRecipientAccepted(sendSms(number, "Your service is booked."), 0);
        assertEquals(3, publishesTo(number).size(), "500, 500, then accepted");
        assertEquals(
                messageIdAnsweredTo(number),
                recipient.getString("providerMessageId"),
                "the id of the accepted Publish");
    }

    @Test
    void aPermanentSnsErrorFailsTheRecipientWithTheReasonWithoutRetrying() {
        String number = uniqueNumber();
        wireMock()
                .stubFor(SnsStubs.publish()
                        .withFormParam("PhoneNumber", equalTo(number))
                        .atPriority(1)
                        .willReturn(SnsStubs.error(
                                400,
                                "Sender",
                                "InvalidParameter",
                                "Invalid parameter: PhoneNumber Reason: " + number + " is not valid to publish to")));

        String id = sendSms(number, "Your service is booked.");
        JsonObject recipient = Tracking.awaitRecipient(id, 0, "Failed");
        assertEquals(
                "SNS refused the message: Invalid parameter: PhoneNumber Reason: " + number
                        + " is not valid to publish to" + " (HTTP 400, InvalidParameter)",
                recipient.getString("reason"),
                "reason: SNS's message, then its status and code");
        assertEquals(1, publishesTo(number).size(), "a permanent error is not retried");
        assertEquals("Failed", Tracking.communication(id).getString("status"), "communication is Failed");
    }

    @Test
    void anOptedOutNumberFailsAsOptedOutAndNothingReachesSns() {
        String number = uniqueNumber();
        suppress(number);

        JsonObject recipient = Tracking.awaitRecipient(sendSms(number, "Your service is booked."), 0, "Failed");
        assertEquals("opted-out", recipient.getString("reason"), "reason: " + recipient);
        assertEquals(0, publishesTo(number).size(), "no Publish for an opted-out number");
    }

    @Test
    void textOverTenPartsIsRefusedAtSendTimeNamingTheRecipient() {
        String number = uniqueNumber();
        Api.Reply r = CSR.post("/communications/send", """
                {"message":{"content":"%s"},"recipients":[{"channel":"SMS","address":"%s"}]}""".formatted("a".repeat(1531), number));
        assertEquals(422, r.status(), "over ten parts is unprocessable: " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        JsonObject error = r.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("recipients[0]", error.getString("field"), "names the recipient: " + r.body());
        assertTrue(error.getString("message").contains("11 parts"), "says how many parts: " + r.body());
        assertEquals(0, publishesTo(number).size(), "nothing was published");
    }

    @Test
    void whileTheCircuitIsOpenSmsWaitWithoutSpendingAttemptsAndGoOutOnceSnsRecovers() {
        wireMock()
                .stubFor(SnsStubs.publish()
                        .atPriority(1)
                        .willReturn(SnsStubs.error(500, "Receiver", "InternalError", "Internal service error")));
        List<String> numbers = List.of(uniqueNumber(), uniqueNumber(), uniqueNumber());
        String id = Tracking.send("""
                {"message":{"content":"Outage drill"},"recipients":[
                 {"channel":"SMS","address":"%s"},{"channel":"SMS","address":"%s"},{"channel":"SMS","address":"%s"}]}""".formatted(numbers.get(0), numbers.get(1), numbers.get(2)));

        await().atMost(Duration.ofSeconds(30)).alias("the SMS circuit opens").until(() -> circuitOpen(smsChannel()));
        // The old rule (3 attempts 2 s and 4 s apart) had failed every recipient by now; calls the open
        // circuit refused never reached SNS, so they spend no attempt and the recipients wait.
        Instant openedAt = Instant.now();
        await().pollDelay(Duration.ofSeconds(8)).atMost(Duration.ofSeconds(9)).until(() -> true);
        for (int i = 0; i < 3; i++) {
            JsonObject waiting =
                    Tracking.communication(id).getJsonArray("recipients").getJsonObject(i);
            assertEquals(
                    "Pending",
                    waiting.getString("status"),
                    "recipient " + i + " still waits for SNS " + Duration.between(openedAt, Instant.now())
                            + " after the circuit opened: " + waiting);
        }

        defaultStubs();
        for (int i = 0; i < 3; i++) {
            Tracking.awaitRecipientAccepted(id, i);
            String number = numbers.get(i);
            assertEquals(1, acceptedPublishesTo(number).count(), "SNS accepted exactly one Publish to " + number);
        }
        // two accepted in a row (its success threshold) closed the circuit
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .alias("the SMS circuit closes once SNS answers again")
                .until(() -> circuitClosed(smsChannel()));
    }

    /** The circuit as GET /communications/channels reports it. */
    private static boolean circuitOpen(JsonObject channel) {
        return "open".equals(channel.getString("circuit", null));
    }

    private static boolean circuitClosed(JsonObject channel) {
        return "closed".equals(channel.getString("circuit", null)) && "UP".equals(channel.getString("state"));
    }

    private static JsonObject smsChannel() {
        Api.Reply r = CSR.get("/communications/channels");
        assertEquals(200, r.status(), r.body());
        try (var reader = jakarta.json.Json.createReader(new java.io.StringReader(r.body()))) {
            return reader.readArray().stream()
                    .map(v -> v.asJsonObject())
                    .filter(c -> "SMS".equals(c.getString("channel")))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no SMS channel in " + r.body()));
        }
    }

    private static String sendSms(String number, String text) {
        return Tracking.send("""
                {"message":{"content":"%s"},"recipients":[{"channel":"SMS","address":"%s"}]}""".formatted(text, number));
    }

    private static List<LoggedRequest> publishesTo(String number) {
        return wireMock()
                .findAll(postRequestedFor(urlEqualTo("/"))
                        .withFormParam("Action", equalTo("Publish"))
                        .withFormParam("PhoneNumber", equalTo(number)));
    }

    /** The MessageId WireMock answered to the accepted Publish for the number. */
    private static String messageIdAnsweredTo(String number) {
        return acceptedPublishesTo(number)
                .map(e -> MESSAGE_ID.matcher(e.getResponse().getBodyAsString()))
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .findFirst()
                .orElseThrow(() -> new AssertionError("WireMock accepted no Publish to " + number));
    }

    /** The requests to the number WireMock answered 200. */
    private static java.util.stream.Stream<ServeEvent> acceptedPublishesTo(String number) {
        return wireMock().getAllServeEvents().stream()
                .filter(e -> number.equals(
                        ProviderReceiptListener.form(e.getRequest().getBodyAsString())
                                .get("PhoneNumber")))
                .filter(e -> e.getResponse().getStatus() == 200);
    }

    /** {@code MessageAttributes.entry.N.Name / .Value.DataType / .Value.StringValue} as name → "type:value". */
    private static Map<String, String> messageAttributes(Map<String, String> form) {
        Map<String, String> attributes = new HashMap<>();
        for (int n = 1; form.containsKey("MessageAttributes.entry." + n + ".Name"); n++) {
            String prefix = "MessageAttributes.entry." + n;
            attributes.put(
                    form.get(prefix + ".Name"),
                    form.get(prefix + ".Value.DataType") + ":" + form.get(prefix + ".Value.StringValue"));
        }
        return attributes;
    }

    /** Puts the number on the SMS suppression list the way an opt-out is stored (no API for it yet). */
    private static void suppress(String number) {
        LocalDynamo.client()
                .putItem(b -> b.tableName(LocalDynamo.TABLE)
                        .item(Map.of(
                                "PK",
                                AttributeValue.fromS("SUPPRESSION#SMS#" + number),
                                "SK",
                                AttributeValue.fromS("ENTRY"),
                                "type",
                                AttributeValue.fromS("Suppression"),
                                "channel",
                                AttributeValue.fromS("SMS"),
                                "address",
                                AttributeValue.fromS(number),
                                "kind",
                                AttributeValue.fromS("opted-out"),
                                "reason",
                                AttributeValue.fromS("STOP reply"),
                                "suppressedAt",
                                AttributeValue.fromS(Instant.now().toString()))));
    }

    /**
     * A UK mobile number no other test uses (every +447400 number is valid to libphonenumber), never
     * the sandbox's carrier-failure number +447400999999.
     */
    private static String uniqueNumber() {
        return "+447400" + String.format("%06d", ThreadLocalRandom.current().nextInt(999_999));
    }

    private static WireMockServer wireMock() {
        return Switchboard.sandbox().wireMock();
    }
}
