package it.tracking;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** {@code GET /communications/delivery-tracking}: filtered, paged lists and one communication's timeline. */
@ExtendWith(Switchboard.class)
class DeliveryTrackingIT {
    private static final Api CSR = Api.as("csr");

    @Test
    void aFilteredListPagesThroughMoreResultsThanOnePageWithoutLossOrRepeat() {
        Instant before = Instant.now().minusSeconds(1);
        String customer = "C-" + UUID.randomUUID().toString().substring(0, 8);
        Set<String> sent = new HashSet<>();
        for (int i = 0; i < 7; i++) {
            sent.add(Tracking.send("""
                    {"customerId":"%s","vehicleId":"VH-%d","message":{"subject":"Update %d","content":"Status update."},
                     "recipients":[{"channel":"Email","address":"p%d-%s@example.com"}]}""".formatted(customer, i, i, i, customer)));
        }
        String filter = "customerId=" + customer + "&channel=Email&from=" + before + "&to="
                + Instant.now().plusSeconds(60);

        List<String> seen = new ArrayList<>();
        List<Instant> created = new ArrayList<>();
        int pages = 0;
        String next = null;
        do {
            Api.Reply r = CSR.get("/communications/delivery-tracking?" + filter + "&limit=3"
                    + (next == null ? "" : "&next=" + URLEncoder.encode(next, StandardCharsets.UTF_8)));
            assertEquals(200, r.status(), "page " + pages + ": " + r.body());
            JsonObject page = r.json();
            assertTrue(page.getJsonArray("items").size() <= 3, "a page holds at most limit items: " + page);
            page.getJsonArray("items").forEach(v -> {
                seen.add(v.asJsonObject().getString("communicationId"));
                created.add(Instant.parse(v.asJsonObject().getString("createdAt")));
            });
            next = page.containsKey("next") && page.get("next") != JsonValue.NULL ? page.getString("next") : null;
            pages++;
        } while (next != null && pages < 20);
        assertEquals(7, seen.size(), "every communication exactly once across pages: " + seen);
        assertEquals(sent, new HashSet<>(seen), "exactly the customer's communications");
        assertTrue(pages >= 3, "7 results at 3 per page need at least 3 pages, got " + pages);
        for (int i = 1; i < created.size(); i++) {
            assertFalse(
                    created.get(i).isAfter(created.get(i - 1)),
                    "newest first across the day's shards and pages: " + created);
        }

        await().atMost(Duration.ofSeconds(30))
                .alias("all 7 Delivered by their SES receipts")
                .until(() -> CSR.get("/communications/delivery-tracking?status=Delivered&limit=20&" + filter)
                                .json()
                                .getJsonArray("items")
                                .size()
                        == 7);
        assertEquals(
                0,
                CSR.get("/communications/delivery-tracking?status=Failed&" + filter)
                        .json()
                        .getJsonArray("items")
                        .size(),
                "none Failed");
        assertEquals(
                1,
                CSR.get("/communications/delivery-tracking?vehicleId=VH-3&" + filter)
                        .json()
                        .getJsonArray("items")
                        .size(),
                "the vehicle filter narrows to one");
    }

    @Test
    void byIdEveryRecipientComesWithItsTimeline() {
        String id = Tracking.send("""
                {"message":{"subject":"Two","content":"Two recipients."},"recipients":[
                 {"channel":"Email","address":"a-%1$s@example.com"},{"channel":"Email","address":"b-%1$s@example.com"}]}""".formatted(UUID.randomUUID().toString().substring(0, 8)));
        Tracking.awaitRecipient(id, 0, "Delivered");
        Tracking.awaitRecipient(id, 1, "Delivered");
        JsonObject timeline = Receipts.timeline(id);
        assertEquals(id, timeline.getString("communicationId"), "the communication asked for");
        assertEquals(2, timeline.getJsonArray("recipients").size(), "both recipients");
        for (JsonValue r : timeline.getJsonArray("recipients")) {
            assertEquals(
                    "Delivery",
                    r.asJsonObject().getJsonArray("events").getJsonObject(0).getString("rawStatus"),
                    "each recipient has its own receipt: " + r);
        }
    }

    @Test
    void badParametersAreProblemsAndOnlyTrackingRolesMayAsk() {
        Api.Reply bad = CSR.get("/communications/delivery-tracking?status=Lost&from=yesterday&next=%25%25");
        assertEquals(400, bad.status(), "malformed parameters: " + bad.body());
        assertEquals(3, bad.json().getJsonArray("errors").size(), "status, from and next each named: " + bad.body());
        assertEquals(
                404,
                CSR.get("/communications/delivery-tracking?communicationId=" + UUID.randomUUID())
                        .status(),
                "unknown communication");
        assertEquals(
                403,
                Api.as("user")
                        .get("/communications/delivery-tracking?status=Sent")
                        .status(),
                "role user may not track");
        assertEquals(
                200,
                Api.as("integration")
                        .get("/communications/delivery-tracking?status=Sent")
                        .status(),
                "integration may");
    }
}
