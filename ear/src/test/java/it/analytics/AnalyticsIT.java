package it.analytics;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** The analytics report follows deliveries as they happen, and names every bad parameter. */
@ExtendWith(Switchboard.class)
class AnalyticsIT {
    private static final Api CSR = Api.as("csr");
    private static final String EMAIL_TODAY = "/communications/analytics?channel=Email&granularity=hour";

    @Test
    void aDeliveredEmailIsCountedWithItsTimeToDeliverAndCost() {
        JsonObject before = email(CSR.get(EMAIL_TODAY));
        String id = Tracking.send("""
                {"message":{"subject":"Analytics probe","content":"Counted once."},
                 "recipients":[{"channel":"Email","address":"analytics-%s@example.com"}]}""".formatted(UUID.randomUUID()));
        Tracking.awaitRecipient(id, 0, "Delivered");

        JsonObject[] after = new JsonObject[1];
        await("the counters of the delivered email")
                .atMost(Duration.ofSeconds(15))
                .until(() -> {
                    after[0] = email(CSR.get(EMAIL_TODAY));
                    return after[0].getJsonNumber("delivered").longValue()
                            >= before.getJsonNumber("delivered").longValue() + 1;
                });
        JsonObject e = after[0];
        assertTrue(
                e.getJsonNumber("sent").longValue()
                        >= before.getJsonNumber("sent").longValue() + 1,
                "sent counted: " + e);
        assertNotNull(e.get("ttdP50Seconds"), "a time to deliver from the histogram: " + e);
        assertTrue(e.getJsonNumber("deliveryRate").doubleValue() > 0, "a delivery rate: " + e);
        assertTrue(
                e.getJsonNumber("estimatedCost").bigDecimalValue().compareTo(BigDecimal.ZERO) > 0,
                "priced with analytics.price.Email: " + e);
        assertEquals(24, e.getJsonArray("series").size(), "one point per hour of the default 24-hour range: " + e);
    }

    @Test
    void badParametersAreProblemsNamingEachField() {
        Api.Reply bad = CSR.get("/communications/analytics?from=yesterday&channel=pigeon&granularity=week");
        assertEquals(400, bad.status(), "malformed parameters: " + bad.body());
        assertTrue(bad.contentType().startsWith("application/problem+json"), "problem+json: " + bad.contentType());
        String body = bad.body();
        assertTrue(
                body.contains("\"from\"") && body.contains("\"channel\"") && body.contains("\"granularity\""),
                "every bad field named: " + body);
        assertEquals(403, Api.as("user").get("/communications/analytics").status(), "a user may not read analytics");
    }

    private static JsonObject email(Api.Reply reply) {
        assertEquals(200, reply.status(), "analytics answers: " + reply.body());
        return reply.json().getJsonArray("channels").getJsonObject(0);
    }
}
