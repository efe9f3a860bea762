package it.channel;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Metrics;
import it.support.ServerVariableOverride;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A channel's daily budget (here SMS, in segments): once the servers have spent it, its deliveries
 * fail at once with the reason and fall back where a chain is configured, the Channels API and
 * page show it spent, and the metrics count the refusals and raise the alert gauge; when the
 * operator raises it, SMS goes out again.
 */
@ExtendWith(Switchboard.class)
class ChannelBudgetIT {
    private static final Api ADMIN = Api.as("admin");

    @Test
    void pastItsDailyBudgetSmsFailsFastWithTheReasonFallsBackAndRaisesTheAlert() throws Exception {
        long perDay = smsBudget().getJsonNumber("reserved").longValue() + 2;
        double refusedBefore = Metrics.sum("switchboard_channel_budget_refused_total", "channel=\"SMS\"");
        try (var narrow = ServerVariableOverride.set("sms-budget", "budget.daily.SMS", String.valueOf(perDay))) {
            awaitPerDay(perDay);
            // four one-segment SMS against two segments left today
            String id = Tracking.send("""
                    {"message":{"content":"Your car is ready."},"recipients":[%s]}""".formatted(String.join(
                    ",",
                    IntStream.range(0, 4)
                            .mapToObj(i -> "{\"channel\":\"SMS\",\"address\":\"" + number() + "\"}")
                            .toList())));
            List<JsonObject> settled =
                    IntStream.range(0, 4).mapToObj(i -> settled(id, i)).toList();
            long refused = settled.stream()
                    .filter(r -> "Failed".equals(r.getString("status"))
                            && r.getString("reason", "")
                                    .contains("daily SMS budget of " + perDay + " segments is spent"))
                    .count();
            assertTrue(refused >= 2, "at most two go out, the others fail naming the budget: " + settled);

            String fellBack = Tracking.send("""
                    {"message":{"subject":"Ready","content":"Your car is ready."},"recipients":[{"channel":"SMS","address":"%s",
                      "fallbacks":[{"channel":"Email","address":"budget-fallback@example.com"}]}]}""".formatted(number()));
            assertTrue(
                    Tracking.awaitRecipient(fellBack, 0, "Failed")
                            .getString("reason")
                            .contains("budget"),
                    "the SMS is refused");
            Tracking.awaitRecipientAccepted(fellBack, 1);
            assertEquals(
                    "Email",
                    Tracking.communication(fellBack)
                            .getJsonArray("recipients")
                            .getJsonObject(1)
                            .getString("channel"),
                    "and the email fallback goes out instead");

            assertTrue(smsBudget().getBoolean("exhausted"), "the channels API shows the budget spent: " + smsBudget());
            assertEquals(
                    1.0,
                    Metrics.sum("switchboard_channel_budget_exhausted", "channel=\"SMS\""),
                    "the alert gauge is up");
            assertTrue(
                    Metrics.sum("switchboard_channel_budget_refused_total", "channel=\"SMS\"") >= refusedBefore + 3,
                    "every refusal is counted");
        }
        awaitPerDay(1_000_000);
        assertEquals(
                0.0,
                Metrics.sum("switchboard_channel_budget_exhausted", "channel=\"SMS\""),
                "raised again, the alert clears at once");
        String after = Tracking.send("""
                {"message":{"content":"Your car is ready."},"recipients":[{"channel":"SMS","address":"%s"}]}""".formatted(number()));
        Tracking.awaitRecipientAccepted(after, 0);
        assertFalse(smsBudget().getBoolean("exhausted"), "and SMS goes out again: " + smsBudget());
    }

    private static JsonObject settled(String id, int index) {
        JsonObject[] last = new JsonObject[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .until(() -> {
                    last[0] = Tracking.communication(id)
                            .getJsonArray("recipients")
                            .getJsonObject(index);
                    return !"Pending".equals(last[0].getString("status"));
                });
        return last[0];
    }

    private static void awaitPerDay(long perDay) {
        await().atMost(Duration.ofSeconds(20))
                .pollInterval(Duration.ofMillis(200))
                .alias("the server reads budget.daily.SMS=" + perDay)
                .until(() -> smsBudget().getJsonNumber("perDay").longValue() == perDay);
    }

    private static JsonObject smsBudget() {
        Api.Reply r = ADMIN.get("/communications/channels");
        assertEquals(200, r.status(), r.body());
        return r.jsonArray().getValuesAs(JsonObject.class).stream()
                .filter(c -> "SMS".equals(c.getString("channel")))
                .findFirst()
                .orElseThrow()
                .getJsonObject("budget");
    }

    private static String number() {
        return "+447400" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000));
    }
}
