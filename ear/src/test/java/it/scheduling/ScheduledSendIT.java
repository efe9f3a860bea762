package it.scheduling;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SesEventPoster;

/** A CSR schedules an email for later, cancels or moves it while it waits, and cannot once it went out. */
@ExtendWith(Switchboard.class)
class ScheduledSendIT {
    private static final Api CSR = Api.as("csr");

    @Test
    void scheduledEmailIsSentWithinTwoSecondsOfItsTimeAndExactlyOnce() {
        String to = unique("scheduled");
        Instant at = Instant.now().plusSeconds(3).truncatedTo(ChronoUnit.MILLIS);
        Api.Reply accepted = CSR.post("/communications/send", email(to, at));
        assertEquals(202, accepted.status(), "a future send is accepted: " + accepted.body());
        assertEquals("Scheduled", accepted.json().getString("status"), "the answer says it waits");
        String id = accepted.json().getString("communicationId");
        JsonObject waiting = Tracking.communication(id);
        assertEquals("Scheduled", waiting.getString("status"), "it is stored as Scheduled");
        assertEquals(
                "Pending",
                waiting.getJsonArray("recipients").getJsonObject(0).getString("status"),
                "its recipient waits");
        assertEquals(0, mailsTo(to), "nothing is sent before its time");

        JsonObject sent = Tracking.awaitRecipient(id, 0, "Sent");
        Duration late = Duration.between(at, Instant.parse(sent.getString("sentAt")));
        System.out.println("scheduled send: sentAt - scheduledAt = " + late.toMillis() + " ms");
        assertFalse(late.isNegative(), "not sent before scheduledAt, sent " + late + " after");
        assertTrue(late.compareTo(Duration.ofSeconds(2)) <= 0, "sent within 2 s of scheduledAt, was " + late);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .alias("exactly one mail to " + to)
                .until(() -> mailsTo(to) == 1);
        assertEquals(
                "Sent", Tracking.communication(id).getString("status"), "the communication moved Scheduled -> Sent");
    }

    @Test
    void manySendsDueAtTheSameInstantAllGoOutWithinTwoSecondsAndOnce() {
        Instant at = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);
        Map<String, String> addressById = new LinkedHashMap<>();
        for (int i = 0; i < 40; i++) {
            String to = unique("burst" + i);
            addressById.put(Tracking.send(email(to, at)), to);
        }
        assertTrue(
                Instant.now().isBefore(at),
                "all 40 were accepted before their time, so the lag below is the scheduler's");
        for (Map.Entry<String, String> e : addressById.entrySet()) {
            JsonObject sent = Tracking.awaitRecipientAccepted(e.getKey(), 0);
            JsonObject c = Tracking.communication(e.getKey());
            Duration late = Duration.between(at, Instant.parse(c.getString("sentAt")));
            assertFalse(late.isNegative(), e.getKey() + " not queued before scheduledAt, was " + late + " after");
            assertTrue(
                    late.compareTo(Duration.ofSeconds(2)) <= 0,
                    e.getKey() + " queued within 2 s of scheduledAt, was " + late);
            assertFalse(
                    Duration.between(at, Instant.parse(sent.getString("sentAt")))
                            .isNegative(),
                    "its recipient not sent before scheduledAt: " + sent);
        }
        await().atMost(Duration.ofSeconds(10))
                .alias("a mail to each of the 40")
                .until(() -> mailCounts(addressById.values()).values().stream().allMatch(n -> n >= 1));
        await().pollDelay(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .untilAsserted(() -> assertTrue(
                        mailCounts(addressById.values()).values().stream().allMatch(n -> n == 1),
                        "exactly one mail to each of the 40, 2 s later: " + mailCounts(addressById.values())));
    }

    @Test
    void cancelledBeforeItsTimeIsNeverSentAndShowsCancelled() {
        String to = unique("cancelled");
        String id = Tracking.send(email(to, Instant.now().plusSeconds(2)));
        Api.Reply cancelled = CSR.delete("/communications/" + id);
        assertEquals(200, cancelled.status(), "a waiting send can be cancelled: " + cancelled.body());
        assertEquals("Cancelled", cancelled.json().getString("status"), "it shows Cancelled");
        JsonObject recipient = cancelled.json().getJsonArray("recipients").getJsonObject(0);
        assertEquals("Failed", recipient.getString("status"), "its recipient will not be reached");
        assertEquals("cancelled", recipient.getString("reason"), "and says why");

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(4))
                .alias("no mail to " + to + " after its time")
                .until(() -> mailsTo(to) == 0);
        assertEquals("Cancelled", Tracking.communication(id).getString("status"), "still Cancelled after its time");
        assertEquals(200, CSR.delete("/communications/" + id).status(), "cancelling again changes nothing");
    }

    @Test
    void rescheduledSendGoesOutAtItsNewTime() {
        String to = unique("moved");
        String id = Tracking.send(email(to, Instant.now().plus(Duration.ofHours(1))));
        Instant at = Instant.now().plusSeconds(2).truncatedTo(ChronoUnit.MILLIS);
        Api.Reply moved = CSR.put("/communications/" + id + "/schedule", "{\"scheduledAt\":\"" + at + "\"}");
        assertEquals(200, moved.status(), "a waiting send can be moved: " + moved.body());
        assertEquals(at, Instant.parse(moved.json().getString("scheduledAt")), "it shows the new time");

        JsonObject sent = Tracking.awaitRecipient(id, 0, "Sent");
        Duration late = Duration.between(at, Instant.parse(sent.getString("sentAt")));
        assertFalse(late.isNegative(), "not sent before the new time, sent " + late + " after");
        assertTrue(late.compareTo(Duration.ofSeconds(2)) <= 0, "sent within 2 s of the new time, was " + late);
    }

    @Test
    void aSendAlreadyDispatchedCanNeitherBeCancelledNorRescheduled() {
        String id = Tracking.send(email(unique("gone"), null));
        Api.Reply cancel = CSR.delete("/communications/" + id);
        assertEquals(409, cancel.status(), "cancel after dispatch conflicts: " + cancel.body());
        assertTrue(
                cancel.contentType().startsWith("application/problem+json"),
                "as problem+json: " + cancel.contentType());
        Api.Reply move = CSR.put(
                "/communications/" + id + "/schedule",
                "{\"scheduledAt\":\"" + Instant.now().plusSeconds(60) + "\"}");
        assertEquals(409, move.status(), "reschedule after dispatch conflicts: " + move.body());
        assertTrue(move.contentType().startsWith("application/problem+json"), "as problem+json: " + move.contentType());
    }

    @Test
    void reschedulingIntoThePastIsRefused() {
        String id = Tracking.send(email(unique("past"), Instant.now().plus(Duration.ofHours(1))));
        Api.Reply move = CSR.put(
                "/communications/" + id + "/schedule",
                "{\"scheduledAt\":\"" + Instant.now().minusSeconds(60) + "\"}");
        assertEquals(422, move.status(), "a past time cannot be scheduled: " + move.body());
        assertEquals(
                "scheduledAt",
                move.json().getJsonArray("errors").getJsonObject(0).getString("field"),
                "names the field");
        assertEquals(403, Api.as("integration").delete("/communications/" + id).status(), "integration may not cancel");
        assertEquals(200, CSR.delete("/communications/" + id).status(), "clean up: cancel it");
    }

    static String email(String to, Instant at) {
        return """
                {"channels":["Email"],"message":{"subject":"Your appointment","content":"See you soon."},
                 %s"recipients":[{"channel":"Email","address":"%s"}]}""".formatted(at == null ? "" : "\"scheduledAt\":\"" + at + "\",", to);
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + SesEventPoster.NO_RECEIPT_DOMAIN;
    }

    /** How many mails each address received, in one pass over the mailbox (it holds every mail of the run). */
    private static Map<String, Long> mailCounts(Collection<String> addresses) {
        Map<String, Long> counts = new HashMap<>();
        addresses.forEach(a -> counts.put(a.toLowerCase(Locale.ROOT), 0L));
        for (Message m : Switchboard.sandbox().mail().getReceivedMessages()) {
            try {
                for (var to : m.getRecipients(Message.RecipientType.TO)) {
                    counts.computeIfPresent(to.toString().toLowerCase(Locale.ROOT), (a, n) -> n + 1);
                }
            } catch (MessagingException e) {
                throw new IllegalStateException(e);
            }
        }
        return counts;
    }

    static long mailsTo(String address) {
        return Arrays.stream(Switchboard.sandbox().mail().getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getRecipients(Message.RecipientType.TO))
                                .anyMatch(a -> a.toString().equalsIgnoreCase(address));
                    } catch (MessagingException e) {
                        throw new IllegalStateException(e);
                    }
                })
                .count();
    }
}
