package it.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.communication.RecipientChunks;
import it.support.Api;
import it.support.LocalDynamo;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A ticket that can never be delivered (its recipient vanished from the store while a retry was
 * waiting) is redelivered a bounded number of times, then parked on the dead-letter queue with its
 * reason, where an admin sees it; the provider is not called again, and the channel's queue keeps
 * flowing: a normal send right after is delivered.
 */
@ExtendWith({Switchboard.class, Tally.class})
class PoisonMessageIT {
    /** The SMTP front answers this many 451s: the first delivery's call and its three in-process retries. */
    private static final int TRANSIENT_FAILURES = 4;

    private static final int MAX_DELIVERIES = Integer.getInteger("jms.max.redelivery", 5);

    @AfterEach
    void clearFaults() {
        Switchboard.sandbox().smtp().clearFaults();
    }

    @Test
    void aTicketThatAlwaysFailsIsParkedWithItsReasonAndTheQueueKeepsFlowing() {
        String poisoned = "poison-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        Switchboard.sandbox().smtp().failRecipient(poisoned, 451, "4.3.0 try again later", TRANSIENT_FAILURES);
        String id = Tracking.send("""
                {"message":{"subject":"Poison","content":"This ticket will outlive its recipient."},
                 "recipients":[{"channel":"Email","address":"%s"}]}""".formatted(poisoned));
        await().atMost(Duration.ofSeconds(20))
                .alias("the provider refused the first delivery " + TRANSIENT_FAILURES + " times")
                .until(() -> Switchboard.sandbox().smtp().attempts(poisoned) >= TRANSIENT_FAILURES);
        // the retry now waits on the queue; take its recipient away, as a bad migration or a manual delete would
        LocalDynamo.client().deleteItem(b -> b.tableName(LocalDynamo.TABLE).key(RecipientChunks.key(id, 0)));

        JsonObject parked = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .alias("the ticket is parked on the dead-letter queue")
                .until(() -> deadLetter(id), Optional::isPresent)
                .get();
        assertEquals(0, parked.getInt("recipientIndex"), "the parked ticket names its recipient: " + parked);
        assertTrue(parked.getString("queue", "").contains("email"), "and the queue it failed on: " + parked);
        assertTrue(
                parked.getString("reason", "").contains("no recipient 0 in communication " + id), "and why: " + parked);
        assertEquals(MAX_DELIVERIES, parked.getInt("deliveries"), "after exactly the allowed deliveries: " + parked);
        assertEquals(
                TRANSIENT_FAILURES,
                Switchboard.sandbox().smtp().attempts(poisoned),
                "the provider was not called for the poisoned deliveries");

        String healthy = "after-poison-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        String next = Tracking.send("""
                {"message":{"subject":"Still flowing","content":"The queue moved on."},
                 "recipients":[{"channel":"Email","address":"%s"}]}""".formatted(healthy));
        Tracking.awaitRecipientAccepted(next, 0);
        assertEquals(1, Switchboard.sandbox().smtp().attempts(healthy), "the next email went out at the first attempt");
        assertEquals(
                1,
                deadLetters().stream()
                        .filter(d -> id.equals(d.getString("communicationId", null)))
                        .count(),
                "the poison ticket was parked once");
    }

    private static Optional<JsonObject> deadLetter(String communicationId) {
        return deadLetters().stream()
                .filter(d -> communicationId.equals(d.getString("communicationId", null)))
                .findFirst();
    }

    private static java.util.List<JsonObject> deadLetters() {
        Api.Reply r = Tally.check("dead letters", Api.as("admin").get("/communications/dead-letters?limit=500"));
        assertEquals(200, r.status(), "an admin lists the dead letters: " + r.body());
        return r.jsonArray().getValuesAs(JsonObject.class);
    }
}
