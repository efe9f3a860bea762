package it.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SesSmtpFront;

/**
 * While DynamoDB is unreachable the server reports itself not ready, refuses sends and reads with
 * 503 problem+json and Retry-After (never a 500, nothing half-accepted), and a delivery that was
 * waiting for a retry when the outage began is not dead-lettered: it waits and goes out once
 * DynamoDB is back, when sending works again. Runs after every other class ({@link PeerOutage});
 * DynamoDB is brought back even when an assertion fails.
 */
@PeerOutage
@ExtendWith({Switchboard.class, Tally.class})
class DynamoOutageIT {
    private static final String SEND = """
            {"message":{"subject":"Outage","content":"Sent while DynamoDB is down"},
             "recipients":[{"channel":"Email","address":"%s"}]}""";

    @AfterEach
    void clearFaults() {
        Switchboard.sandbox().smtp().clearFaults();
    }

    @Test
    void sendsAre503WhileDynamoDbIsDownAndWorkAgainWhenItReturnsWithoutLosingDeliveriesInFlight() throws Exception {
        String existing = Tracking.send(SEND.formatted("before-outage@example.com"));
        Tracking.awaitRecipientAccepted(existing, 0);
        // a delivery the provider turns away four times now waits on the queue for its retry
        String waiting = "in-flight-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Switchboard.sandbox().smtp().failRecipient(waiting, 451, "4.3.0 try again later", 4);
        String inFlight = Tracking.send(SEND.formatted(waiting));
        await().atMost(Duration.ofSeconds(20))
                .alias("the first delivery failed transiently")
                .until(() -> Switchboard.sandbox().smtp().attempts(waiting) >= 4);

        List<String> wrong = new ArrayList<>();
        Switchboard.sandbox().stopDynamo();
        try {
            await().atMost(Duration.ofSeconds(20))
                    .alias("not ready without DynamoDB")
                    .until(() -> Api.anonymous().get("/health/ready").status() == 503);
            Api.Reply refused = Tally.checkUnavailable(
                    "send while DynamoDB is down",
                    Caller.CSR.call("POST", "/communications/send", SEND.formatted("down@example.com")));
            expectUnavailable(wrong, "send", refused);
            for (String path : List.of(
                    "/communications/" + existing,
                    "/communications/delivery-tracking",
                    "/communications/preferences?stakeholderId=ulrich",
                    "/communications/templates/any")) {
                expectUnavailable(
                        wrong,
                        path,
                        Tally.checkUnavailable(
                                "GET " + path + " while DynamoDB is down", Caller.ADMIN.call("GET", path, null)));
            }
            expectUnavailable(
                    wrong,
                    "inbox",
                    Tally.checkUnavailable(
                            "inbox while DynamoDB is down",
                            Caller.USER.call("GET", "/communications/inapp/inbox", null)));
        } finally {
            Switchboard.sandbox().startDynamo();
        }
        assertTrue(
                wrong.isEmpty(),
                "every call during the outage is 503 problem+json with Retry-After:\n" + String.join("\n", wrong));
        await().atMost(Duration.ofSeconds(20))
                .alias("ready again")
                .until(() -> Api.anonymous().get("/health/ready").status() == 200);

        String after = Tracking.send(SEND.formatted("after-outage@example.com"));
        Tracking.awaitRecipientAccepted(after, 0);
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .alias("the delivery in flight during the outage goes out afterwards")
                .until(() -> Switchboard.sandbox().smtp().attempts(waiting) >= 5);
        Tracking.awaitRecipientAccepted(inFlight, 0);
        assertTrue(
                Api.as("admin")
                                .get("/communications/dead-letters?limit=500")
                                .body()
                                .indexOf(inFlight)
                        < 0,
                "the outage dead-lettered nothing");
    }

    @Test
    void aMailSesAcceptedJustBeforeDynamoDbWentDownIsRecordedOnceItIsBackNotSentAgain() throws Exception {
        SesSmtpFront smtp = Switchboard.sandbox().smtp();
        String address = "accepted-then-down-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        AtomicBoolean stopped = new AtomicBoolean();
        // DynamoDB goes away between SES accepting the mail and Switchboard writing Sent
        smtp.beforeReply(issued -> {
            if (issued.recipients().contains(address) && stopped.compareAndSet(false, true)) {
                Switchboard.sandbox().stopDynamo();
            }
        });
        String id;
        try {
            id = Tracking.send(SEND.formatted(address));
            await().atMost(Duration.ofSeconds(20))
                    .alias("SES accepted the mail and DynamoDB went down")
                    .until(stopped::get);
            await().atMost(Duration.ofSeconds(20))
                    .alias("not ready without DynamoDB")
                    .until(() -> Api.anonymous().get("/health/ready").status() == 503);
        } finally {
            smtp.beforeReply(null);
            Switchboard.sandbox().startDynamo();
        }
        await().atMost(Duration.ofSeconds(20))
                .alias("ready again")
                .until(() -> Api.anonymous().get("/health/ready").status() == 200);

        JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);
        List<SesSmtpFront.Issued> mailed = smtp.issued().stream()
                .filter(i -> i.recipients().contains(address))
                .toList();
        assertEquals(1, mailed.size(), "SES got the mail once: the redelivered ticket recorded the first acceptance");
        assertEquals(
                mailed.get(0).id(), recipient.getString("providerMessageId"), "under the id SES gave it: " + recipient);
    }

    private static void expectUnavailable(List<String> wrong, String what, Api.Reply r) {
        if (r.status() != 503
                || !r.contentType().startsWith("application/problem+json")
                || r.header("Retry-After") == null) {
            wrong.add(what + ": " + r.status() + " " + r.contentType() + " Retry-After=" + r.header("Retry-After") + " "
                    + r.body());
        }
    }
}
