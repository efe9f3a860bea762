package it.tracking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.support.Api;
import it.support.LocalDynamo;
import it.support.ServerVariableOverride;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A large send keeps its counts on several items (counts.spread.recipients, lowered here to 10 so 60
 * recipients are large): what a CSR sees, on the communication and in the tracking list, is the
 * same as for any send, and the items really are several.
 */
@ExtendWith(Switchboard.class)
class SpreadCountsIT {
    private static final Api CSR = Api.as("csr");
    private static final int RECIPIENTS = 60;

    @Test
    void aLargeSendIsDeliveredAndCountedWholeOnEveryView() throws Exception {
        String customer = "CU-spread-" + UUID.randomUUID().toString().substring(0, 8);
        Instant before = Instant.now().minusSeconds(5);
        String id;
        try (var spread = ServerVariableOverride.set("spread-counts", "counts.spread.recipients", "10")) {
            awaitSpread(customer);
            id = Tracking.send(body(customer, "now", null));
        }
        JsonObject[] last = new JsonObject[1];
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .alias("all " + RECIPIENTS + " delivered")
                .until(() -> {
                    last[0] = Tracking.communication(id);
                    return "Delivered".equals(last[0].getString("status"));
                });
        JsonObject counts = last[0].getJsonObject("counts");
        assertEquals(
                RECIPIENTS, counts.getJsonNumber("Delivered").longValue(), "every recipient counted once: " + counts);
        assertEquals(
                0,
                counts.getJsonNumber("Pending").longValue()
                        + counts.getJsonNumber("Sent").longValue()
                        + counts.getJsonNumber("Failed").longValue(),
                "and nowhere else: " + counts);

        JsonObject listed = CSR
                .get("/communications/delivery-tracking?customerId=" + customer + "&from=" + before + "&to="
                        + Instant.now().plusSeconds(60))
                .json()
                .getJsonArray("items")
                .stream()
                .map(JsonObject.class::cast)
                .filter(i -> id.equals(i.getString("communicationId")))
                .findFirst()
                .orElseThrow();
        assertEquals("Delivered", listed.getString("status"));
        assertEquals(counts, listed.getJsonObject("counts"), "the tracking list sums the same items");

        // 60 recipients are 3 chunks of 25: three count items, each counting its own chunk
        assertEquals(25, delivered(id, "DETAILS"));
        assertEquals(25, delivered(id, "COUNTS#1"));
        assertEquals(10, delivered(id, "COUNTS#2"));
    }

    @Test
    void aLargeSendCancelledBeforeItsTimeCountsEveryRecipientFailed() throws Exception {
        String customer = "CU-spread-" + UUID.randomUUID().toString().substring(0, 8);
        String id;
        try (var spread = ServerVariableOverride.set("spread-counts", "counts.spread.recipients", "10")) {
            awaitSpread(customer);
            id = Tracking.send(body(customer, "later", Instant.now().plusSeconds(600)));
        }
        Api.Reply cancelled = CSR.delete("/communications/" + id);
        assertEquals(200, cancelled.status(), cancelled.body());
        JsonObject counts = Tracking.communication(id).getJsonObject("counts");
        assertEquals("Cancelled", Tracking.communication(id).getString("status"));
        assertEquals(
                RECIPIENTS,
                counts.getJsonNumber("Failed").longValue(),
                "every recipient will not be reached: " + counts);
        assertEquals(0, counts.getJsonNumber("Pending").longValue(), "none left waiting on any count item: " + counts);
    }

    /** Liberty applies the override a moment after the file appears: a probe send shows when it has. */
    private static void awaitSpread(String customer) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(500))
                .alias("counts.spread.recipients applied")
                .until(() -> {
                    String probe = Tracking.send(
                            body(customer + "-probe", "probe", Instant.now().plusSeconds(600)));
                    boolean spread = item(probe, "COUNTS#1") != null;
                    CSR.delete("/communications/" + probe);
                    return spread;
                });
    }

    private static long delivered(String id, String sk) {
        Map<String, AttributeValue> item = item(id, sk);
        return item == null ? -1 : Long.parseLong(item.get("count_Delivered").n());
    }

    private static Map<String, AttributeValue> item(String id, String sk) {
        var found = LocalDynamo.client()
                .getItem(b -> b.tableName(LocalDynamo.TABLE)
                        .consistentRead(true)
                        .key(Map.of("PK", LocalDynamo.s("COMMUNICATION#" + id), "SK", LocalDynamo.s(sk))));
        return found.hasItem() && !found.item().isEmpty() ? found.item() : null;
    }

    private static String body(String customer, String tag, Instant scheduledAt) {
        StringBuilder recipients = new StringBuilder();
        for (int i = 0; i < RECIPIENTS; i++) {
            recipients
                    .append(i == 0 ? "" : ",")
                    .append("{\"channel\":\"Email\",\"address\":\"")
                    .append(tag)
                    .append(i)
                    .append('-')
                    .append(customer.toLowerCase())
                    .append("@example.com\"}");
        }
        return """
                {"customerId":"%s","channels":["Email"],%s"message":{"subject":"Recall notice","content":"Please book a visit."},
                 "recipients":[%s]}""".formatted(
                        customer, scheduledAt == null ? "" : "\"scheduledAt\":\"" + scheduledAt + "\",", recipients);
    }
}
