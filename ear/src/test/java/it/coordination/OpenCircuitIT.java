package it.coordination;

import static it.coordination.Coordination.awaitEntry;
import static it.coordination.Coordination.recipients;
import static it.coordination.Coordination.resetWireMock;
import static it.coordination.Coordination.stakeholder;
import static it.coordination.Coordination.uniqueEmail;
import static it.coordination.Coordination.uniqueNumber;
import static it.coordination.Coordination.wireMock;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.reliability.PeerOutage;
import it.support.Api;
import it.support.ServerVariableOverride;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SnsStubs;

/**
 * What a recipient does when its channel's circuit is open (SNS failing): with a fallback chain it
 * moves to the next channel at once instead of waiting; without one it waits for the provider, and
 * fails with the reason once it waited longer than {@code delivery.circuit.max.wait.ms}.
 */
@PeerOutage
@ExtendWith(Switchboard.class)
class OpenCircuitIT {

    @BeforeAll
    static void snsFailsAndTheSmsCircuitOpens() {
        wireMock()
                .stubFor(SnsStubs.publish()
                        .atPriority(1)
                        .willReturn(SnsStubs.error(500, "Receiver", "InternalError", "Internal service error")));
        // six recipients, four calls each (the provider's retries): more than the breaker's volume threshold of 20
        Tracking.send("""
                {"message":{"content":"Opens the circuit"},"recipients":[%s]}""".formatted(String.join(
                ",",
                IntStream.range(0, 6)
                        .mapToObj(i -> "{\"channel\":\"SMS\",\"address\":\"" + uniqueNumber() + "\"}")
                        .toList())));
        await().atMost(Duration.ofSeconds(40))
                .pollInterval(Duration.ofMillis(300))
                .alias("the SMS circuit opens")
                .until(() -> "open".equals(smsChannel().getString("circuit", null)));
    }

    @AfterAll
    static void snsRecovers() {
        resetWireMock();
        // only accepted sends close it, and the waiting recipients may all have failed by now: send some
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .alias("the SMS circuit closes again")
                .until(() -> {
                    Tracking.send("""
                            {"message":{"content":"SNS is back"},"recipients":[{"channel":"SMS","address":"%s"}]}""".formatted(uniqueNumber()));
                    return "closed".equals(smsChannel().getString("circuit", null));
                });
    }

    @Test
    void withAFallbackTheMessageGoesByEmailAtOnceInsteadOfWaitingForSns() {
        String number = uniqueNumber();
        String mail = uniqueEmail("@example.com");
        String customer = stakeholder("Customer", """
                {"SMS":{"number":"%s"},"Email":{"address":"%s"}}""".formatted(number, mail));

        String id = Tracking.send("""
                {"message":{"subject":"Pick-up","content":"Your car is ready."},"stakeholderIds":["%s"],"fallback":["Email"]}""".formatted(customer));

        JsonObject email = awaitEntry(id, 1, "Sent");
        JsonObject sms = recipients(id).getJsonObject(0);
        assertEquals("SMS", sms.getString("channel"), "first on SMS: " + sms);
        assertEquals("Failed", sms.getString("status"), "the SMS attempt gave way: " + sms);
        assertTrue(sms.getString("reason").contains("circuit open"), "because the SMS circuit is open: " + sms);
        assertEquals("Email", email.getString("channel"), "then on Email: " + email);
        assertEquals(mail, email.getString("address"), "to the stakeholder's address");
    }

    @Test
    void withoutAFallbackTheMessageFailsWithTheReasonOnceItWaitedLongerThanAllowed() throws Exception {
        try (var oneMillisecond = ServerVariableOverride.set("circuit-wait", "delivery.circuit.max.wait.ms", "1")) {
            String id = Tracking.send("""
                    {"message":{"content":"Your car is ready."},"recipients":[{"channel":"SMS","address":"%s"}]}""".formatted(uniqueNumber()));

            // waits one breaker delay (2 s here), then its 1 ms allowance is long spent
            JsonObject failed = Tracking.awaitRecipient(id, 0, "Failed");
            assertTrue(failed.getString("reason").contains("circuit open"), "says the circuit was open: " + failed);
            assertTrue(
                    failed.getString("reason").contains("waited longer than PT0.001S"),
                    "and how long it may wait: " + failed);
        }
    }

    private static JsonObject smsChannel() {
        return Api.as("csr").get("/communications/channels").jsonArray().stream()
                .map(JsonValue::asJsonObject)
                .filter(c -> "SMS".equals(c.getString("channel")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no SMS channel"));
    }
}
