package it.coordination;

import static it.coordination.Held.awaitHeld;
import static it.coordination.Held.send;
import static it.coordination.Held.stakeholder;
import static it.coordination.Held.status;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import it.support.Switchboard;
import it.support.TestClock;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Inside a stakeholder's quiet hours a critical message goes at once; a normal one waits for the window's end. */
@ExtendWith(Switchboard.class)
class QuietHoursIT {

    @AfterEach
    void backToRealTime() {
        TestClock.reset();
    }

    @Test
    void criticalGoesNowWhileNormalWaitsUntilTheQuietHoursEnd() {
        String stakeholder = stakeholder(
                "quiet-" + UUID.randomUUID() + "@example.com",
                "Immediate",
                "\"timezone\":\"Europe/London\",\"quietHours\":{\"start\":\"22:00\",\"end\":\"07:00\"}");
        TestClock.set(Instant.parse("2026-11-26T23:00:00Z")); // 23:00 GMT
        String critical = send(stakeholder, "critical", "Recall", "Stop driving your car.");
        String normal = send(stakeholder, "normal", "Newsletter", "Our winter offers.");

        JsonObject now = Tracking.awaitRecipientAccepted(critical, 0);
        assertFalse(now.containsKey("heldFor"), "critical bypasses quiet hours: " + now);
        JsonObject held = awaitHeld(normal, "quiet-hours");
        assertEquals("Pending", held.getString("status"), "held, still Pending: " + held);
        assertEquals("2026-11-27T07:00:00Z", held.getString("heldUntil"), "until 07:00 London time: " + held);

        TestClock.set(Instant.parse("2026-11-27T06:59:54Z"));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .pollInterval(Duration.ofMillis(250))
                .alias("still quiet before 07:00")
                .until(() -> "Pending".equals(status(normal)));

        TestClock.set(Instant.parse("2026-11-27T07:00:00Z"));
        JsonObject sent = Tracking.awaitRecipientAccepted(normal, 0);
        assertEquals("quiet-hours", sent.getString("heldFor"), "tracking still says why it waited: " + sent);
    }
}
