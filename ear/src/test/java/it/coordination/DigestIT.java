package it.coordination;

import static it.coordination.Held.awaitHeld;
import static it.coordination.Held.mailsTo;
import static it.coordination.Held.send;
import static it.coordination.Held.stakeholder;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.icegreen.greenmail.util.GreenMailUtil;
import it.support.Api;
import it.support.Switchboard;
import it.support.TestClock;
import it.support.Tracking;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Stakeholders whose Email is Daily get normal messages as one digest at their local digest time:
 * the messages wait Pending (heldFor digest) until then, go out as one email listing both, and
 * both original recipients finish with the digest's outcome.
 */
@ExtendWith(Switchboard.class)
class DigestIT {

    @AfterEach
    void backToRealTime() {
        TestClock.reset();
    }

    @Test
    void aDailyDigestInNewYorkGoesOutAtEightLocalOnTheDayTheClocksGoBack() {
        // Saturday 16:00 EDT; Sunday 2026-11-01 08:00 is EST (UTC-5)
        digestArrivesAtDigestTime(
                "America/New_York", Instant.parse("2026-10-31T20:00:00Z"), Instant.parse("2026-11-01T13:00:00Z"));
    }

    @Test
    void aDailyDigestInKolkataGoesOutAtEightIndiaStandardTime() {
        digestArrivesAtDigestTime(
                "Asia/Kolkata", Instant.parse("2026-11-02T00:00:00Z"), Instant.parse("2026-11-02T02:30:00Z"));
    }

    @Test
    void badTimingPreferencesAreRefusedByField() {
        Api.Reply r = Api.as("admin").put("/communications/preferences?stakeholderId=S-bad-timing", """
                {"stakeholderType":"Customer","timezone":"Mars/Olympus","digestTime":"8am","digestDay":"Someday",
                 "quietHours":{"start":"25:00"},"channels":{"Email":{"enabled":true,"address":"a@example.com"}}}""");
        assertEquals(400, r.status(), r.body());
        List<String> fields = r.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .toList();
        assertTrue(
                fields.containsAll(
                        List.of("timezone", "digestTime", "digestDay", "quietHours.start", "quietHours.end")),
                "each field named: " + fields);
    }

    private static void digestArrivesAtDigestTime(String zone, Instant sendAt, Instant digestAt) {
        String email = "digest-" + UUID.randomUUID() + "@example.com";
        String stakeholder = stakeholder(email, "Daily", "\"timezone\":\"" + zone + "\",\"digestTime\":\"08:00\"");
        TestClock.set(sendAt);
        String first = send(stakeholder, "normal", "Service due", "Your car is due for its service.");
        String second = send(stakeholder, "low", "Invoice ready", "Invoice 42 can be paid online.");
        for (String id : List.of(first, second)) {
            JsonObject held = awaitHeld(id, "digest");
            assertEquals("Pending", held.getString("status"), "a held recipient stays Pending: " + held);
            assertEquals(digestAt.toString(), held.getString("heldUntil"), "held until 08:00 in " + zone + ": " + held);
        }

        TestClock.set(digestAt.minusSeconds(6));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(4))
                .pollInterval(Duration.ofMillis(250))
                .alias("no digest before 08:00 local")
                .until(() -> mailsTo(email).isEmpty());

        TestClock.set(digestAt);
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .alias("the digest email arrives")
                .until(() -> !mailsTo(email).isEmpty());
        for (String id : List.of(first, second)) {
            JsonObject done = Tracking.awaitRecipient(id, 0, "Delivered");
            assertTrue(
                    done.containsKey("digestCommunicationId"),
                    "the original names the digest that carried it: " + done);
        }
        List<MimeMessage> mails = mailsTo(email);
        assertEquals(1, mails.size(), "one digest email for both messages");
        String body = GreenMailUtil.getBody(mails.get(0));
        assertEquals("Your daily digest (2 updates)", subject(mails.get(0)), "the digest's subject counts the updates");
        assertTrue(
                body.contains("Service due") && body.contains("Invoice ready"),
                "both messages are in the digest: " + body);
    }

    private static String subject(MimeMessage m) {
        try {
            return m.getSubject();
        } catch (jakarta.mail.MessagingException e) {
            throw new AssertionError(e);
        }
    }
}
