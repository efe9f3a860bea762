package it.analytics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.support.Api;
import it.support.LocalDynamo;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SesEventPoster;
import sandbox.SmsDeliveryEvents;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The analytics report counts exactly what happened: three emails (one to the sandbox's bouncing
 * address) and two SMS (one to its carrier-failure number) add exactly 3/2 attempted and sent,
 * 2/1 delivered, 1/1 failed and one of each failure reason, no more, no less. Other tests send
 * too, so the counts are read as deltas over a fixed range, taken once nothing else is moving.
 * Also prints how long the report takes to answer.
 */
@ExtendWith(Switchboard.class)
class AnalyticsExactCountsIT {
    private static final Api CSR = Api.as("csr");
    private static final List<String> COUNTERS = List.of("attempted", "sent", "delivered", "failed", "optedOut");
    private static final String BOUNCE_REASON = "bounce-permanent-general";
    private static final String CARRIER_REASON = "phone-carrier-has-blocked-this-message";

    @Test
    void aKnownMixOfSendsAddsExactlyItsCountsAndReasons() {
        Instant now = Instant.now().truncatedTo(ChronoUnit.HOURS);
        // a fixed range around now, so the window does not move between the two reads
        String report = "/communications/analytics?granularity=hour&reasons=100&from=" + now.minus(1, ChronoUnit.HOURS)
                + "&to=" + now.plus(2, ChronoUnit.HOURS);
        unsuppress(
                "Email", SesEventPoster.BOUNCE_ADDRESS); // earlier bounces put it on the list; it must reach SES again
        unsuppress("SMS", SmsDeliveryEvents.DEFAULT_FAILURE_NUMBERS);
        Map<String, Long> before = quiet(report);

        String run = UUID.randomUUID().toString().substring(0, 8);
        String number =
                "+447400" + String.format("%06d", ThreadLocalRandom.current().nextInt(999_999));
        String id = Tracking.send(
                """
                {"message":{"subject":"Exact counts","content":"Counted exactly once."},
                 "recipients":[{"channel":"Email","address":"exact-a-%1$s@example.com"},
                               {"channel":"Email","address":"exact-b-%1$s@example.com"},
                               {"channel":"Email","address":"%2$s"},
                               {"channel":"SMS","address":"%3$s"},
                               {"channel":"SMS","address":"%4$s"}]}""".formatted(run, SesEventPoster.BOUNCE_ADDRESS, number, SmsDeliveryEvents.DEFAULT_FAILURE_NUMBERS));
        List<String> finals = List.of("Delivered", "Delivered", "Failed", "Delivered", "Failed");
        for (int i = 0; i < finals.size(); i++) {
            Tracking.awaitRecipient(id, i, finals.get(i));
        }

        Map<String, Long> expected = new TreeMap<>(Map.of(
                "Email.attempted",
                3L,
                "Email.sent",
                3L,
                "Email.delivered",
                2L,
                "Email.failed",
                1L,
                "Email.reason." + BOUNCE_REASON,
                1L,
                "SMS.attempted",
                2L,
                "SMS.sent",
                2L,
                "SMS.delivered",
                1L,
                "SMS.failed",
                1L,
                "SMS.reason." + CARRIER_REASON,
                1L));
        AtomicReference<Map<String, Long>> delta = new AtomicReference<>();
        await("exactly the deltas of the five recipients, holding for 3 s")
                .atMost(Duration.ofSeconds(30))
                .during(Duration.ofSeconds(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> {
                    delta.set(delta(before, counts(report)));
                    return expected.equals(delta.get());
                });
        assertEquals(expected, delta.get(), "the report's deltas for the known sends");

        printLatency(report);
    }

    /** The counts once two reads two seconds apart agree: no other test's deliveries still moving. */
    private static Map<String, Long> quiet(String report) {
        AtomicReference<Map<String, Long>> last = new AtomicReference<>(Map.of());
        await("analytics counters at rest")
                .atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofSeconds(2))
                .until(() -> {
                    Map<String, Long> now = counts(report);
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }

    /** Every counter and reason of Email and SMS as {@code <channel>.<counter>} / {@code <channel>.reason.<key>}. */
    private static Map<String, Long> counts(String report) {
        Api.Reply r = CSR.get(report);
        assertEquals(200, r.status(), "analytics answers: " + r.body());
        Map<String, Long> counts = new TreeMap<>();
        for (JsonValue v : r.json().getJsonArray("channels")) {
            JsonObject c = v.asJsonObject();
            String channel = c.getString("channel");
            if (!List.of("Email", "SMS").contains(channel)) {
                continue;
            }
            COUNTERS.forEach(name ->
                    counts.put(channel + "." + name, c.getJsonNumber(name).longValue()));
            for (JsonValue reason : c.getJsonArray("topFailureReasons")) {
                counts.put(
                        channel + ".reason." + reason.asJsonObject().getString("reason"),
                        reason.asJsonObject().getJsonNumber("count").longValue());
            }
        }
        return counts;
    }

    /** What changed, without the zeros. */
    private static Map<String, Long> delta(Map<String, Long> before, Map<String, Long> after) {
        Map<String, Long> delta = new TreeMap<>();
        after.forEach((k, v) -> {
            long d = v - before.getOrDefault(k, 0L);
            if (d != 0) {
                delta.put(k, d);
            }
        });
        before.keySet().stream().filter(k -> !after.containsKey(k)).forEach(k -> delta.put(k, -before.get(k)));
        return delta;
    }

    /** Prints the report's round trip (client side, so an upper bound of the server's time); the target is under 100 ms. */
    private static void printLatency(String report) {
        List<Long> micros = new ArrayList<>();
        for (int i = 0; i < 25; i++) {
            long start = System.nanoTime();
            assertEquals(200, CSR.get(report).status(), "analytics answers");
            micros.add((System.nanoTime() - start) / 1_000);
        }
        List<Long> measured = new ArrayList<>(micros.subList(5, micros.size())); // the first calls warm up the JIT
        Collections.sort(measured);
        System.out.printf(
                "[analytics latency] GET %s: median %.1f ms, p95 %.1f ms, max %.1f ms over %d calls (target < 100 ms)%n",
                report,
                measured.get(measured.size() / 2) / 1000.0,
                measured.get((int) (measured.size() * 0.95) - 1) / 1000.0,
                measured.get(measured.size() - 1) / 1000.0,
                measured.size());
    }

    /** Takes an address off the suppression list (there is no API for it), so its send reaches the provider. */
    private static void unsuppress(String channel, String address) {
        LocalDynamo.client()
                .deleteItem(b -> b.tableName(LocalDynamo.TABLE)
                        .key(Map.of(
                                "PK",
                                AttributeValue.fromS("SUPPRESSION#" + channel + "#" + address),
                                "SK",
                                AttributeValue.fromS("ENTRY"))));
    }
}
