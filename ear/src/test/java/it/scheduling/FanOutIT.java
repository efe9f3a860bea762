package it.scheduling;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SesEventPoster;

/** A send to 10,000 recipients is answered at once and fanned out to every one of them in the background. */
@ExtendWith(Switchboard.class)
class FanOutIT {
    private static final Api CSR = Api.as("csr");
    private static final int RECIPIENTS = 10_000;

    /**
     * Part of the suite (skip with -Dit.fanout=false): with the chunked pipeline 10,000 mails are all
     * Sent about 70 s after the 202 on a 2-core machine, the test takes about 100 s with its warm-up;
     * see docs/performance.md. The addresses get no receipts, so nothing keeps the server busy after.
     */
    @Test
    @EnabledIfSystemProperty(named = "it.fanout", matches = "true")
    void tenThousandRecipientsAreAcceptedWithinASecondAndAllReached() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        String body = body(batch, RECIPIENTS);
        // one small fanned-out send first, so the measured one does not pay for class loading and JIT
        String warmUp = Tracking.send(body(batch + "w", 600));
        // and is measured on a quiet server: the warm-up's deliveries are over
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(1))
                .alias("the warm-up send is delivered")
                .until(() -> Tracking.communication(warmUp)
                                .getJsonObject("counts")
                                .getJsonNumber("Pending")
                                .longValue()
                        == 0);

        long start = System.nanoTime();
        Api.Reply accepted = CSR.post("/communications/send", body);
        long millis = (System.nanoTime() - start) / 1_000_000;
        System.out.println("fan-out: 202 for " + RECIPIENTS + " recipients in " + millis + " ms");
        assertEquals(202, accepted.status(), "the big send is accepted: " + accepted.body());
        String id = accepted.json().getString("communicationId");

        long started = System.nanoTime();
        JsonObject[] last = new JsonObject[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .alias("all 10,000 queued by the fan-out consumer")
                .until(() ->
                        Tracking.communication(id).getJsonNumber("dispatched").longValue() == RECIPIENTS);
        System.out.println("fan-out: all " + RECIPIENTS + " queued " + (System.nanoTime() - started) / 1_000_000
                + " ms after the 202");
        // the SMTP deliveries themselves take minutes on a 2-core machine (dynalite and GreenMail share it)
        await().atMost(Duration.ofSeconds(360))
                .pollInterval(Duration.ofSeconds(5))
                .alias("all " + RECIPIENTS + " recipients of " + id + " queued and handed to SMTP")
                .until(() -> {
                    last[0] = progress(id);
                    JsonObject counts = last[0].getJsonObject("counts");
                    return counts.getJsonNumber("Pending").longValue() == 0
                            && last[0].getJsonNumber("dispatched").longValue() == RECIPIENTS;
                });
        System.out.println(
                "fan-out: all " + RECIPIENTS + " recipients Sent or final " + (System.nanoTime() - started) / 1_000_000
                        + " ms after the 202; counts " + last[0].getJsonObject("counts"));
        JsonObject counts = last[0].getJsonObject("counts");
        assertEquals(
                RECIPIENTS,
                counts.getJsonNumber("Sent").longValue()
                        + counts.getJsonNumber("Delivered").longValue()
                        + counts.getJsonNumber("Failed").longValue(),
                "every recipient reached Sent or a final state: " + counts);
        assertEquals(RECIPIENTS, last[0].getJsonArray("recipients").size(), "every recipient is listed");
        assertEquals("Sent", last[0].getString("status"), "the communication is Sent once all are queued");
        // asserted last, so a slow answer still lets the queues drain before the next test
        assertTrue(millis < 1000, "accepted in under a second, took " + millis + " ms");
    }

    private static JsonObject progress(String id) {
        return Tracking.communication(id);
    }

    private static String body(String batch, int n) {
        StringBuilder recipients = new StringBuilder();
        for (int i = 0; i < n; i++) {
            recipients
                    .append(i == 0 ? "" : ",")
                    .append("{\"channel\":\"Email\",\"address\":\"r")
                    .append(i)
                    .append('-')
                    .append(batch)
                    .append(SesEventPoster.NO_RECEIPT_DOMAIN)
                    .append("\"}");
        }
        return """
                {"channels":["Email"],"message":{"subject":"Recall notice","content":"Please book a visit."},
                 "recipients":[%s]}""".formatted(recipients);
    }
}
