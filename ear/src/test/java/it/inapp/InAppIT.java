package it.inapp;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-app notifications end to end: a CSR's send reaches the signed-in user's real WebSocket at
 * once, waits in the inbox for a user who is offline, is acknowledged to {@code Delivered}, and
 * never shows to, nor can be touched by, another user.
 */
@ExtendWith(Switchboard.class)
class InAppIT {
    private static final Api ULRICH = Api.as("user");
    private static final Api UMA = Api.as("user2");

    @BeforeAll
    static void warmUp() {
        // the first in-app delivery after start loads the pipeline's classes; timing is asserted after that
        Tracking.awaitRecipient(sendInApp("warm-up", "Warm-up", "first delivery"), 0, "Sent");
    }

    @Test
    void aConnectedUserGetsTheNotificationWithinASecondAndTheirAckMakesItDelivered() throws Exception {
        try (NotificationSocketClient socket = NotificationSocketClient.connect(ULRICH)) {
            String id = sendInApp(Api.userName("user"), "Your car is ready", "Pick it up at bay 3.");
            long accepted = System.nanoTime();

            await().atMost(Duration.ofSeconds(1))
                    .alias("notification pushed to ulrich's socket")
                    .until(() -> !socket.about(id).isEmpty());
            NotificationSocketClient.Received pushed = socket.about(id).get(0);
            long tookMs = Duration.ofNanos(pushed.atNanos() - accepted).toMillis();
            assertTrue(tookMs < 1000, "arrived within a second of the 202, took " + tookMs + " ms");
            JsonObject note = pushed.json();
            assertEquals("notification", note.getString("type"), "message type");
            assertEquals("Your car is ready", note.getString("subject"), "subject");
            assertEquals("Pick it up at bay 3.", note.getString("text"), "text");
            assertNotNull(note.getString("createdAt", null), "createdAt");

            JsonObject sent = Tracking.awaitRecipient(id, 0, "Sent");
            assertEquals(
                    note.getString("id"),
                    sent.getString("providerMessageId"),
                    "the note id is the provider message id");

            socket.ack(note.getString("id"));
            JsonObject delivered = Tracking.awaitRecipient(id, 0, "Delivered");
            assertNotNull(delivered.getString("deliveredAt", null), "deliveredAt recorded on ack");
            socket.ack(note.getString("id"));
            assertEquals("Delivered", Tracking.communication(id).getString("status"), "a repeated ack changes nothing");
        }
    }

    @Test
    void aUserWhoConnectsLaterFindsTheNoteInTheInboxAndOnConnectAndReadingItDelivers() throws Exception {
        long before = unread(UMA);
        String id = sendInApp(Api.userName("user2"), "Service booked", "Tuesday 9:00.");
        String noteId = Tracking.awaitRecipient(id, 0, "Sent").getString("providerMessageId");

        JsonObject newest = UMA.get("/communications/inapp/inbox?limit=1")
                .json()
                .getJsonArray("items")
                .getJsonObject(0);
        assertEquals(noteId, newest.getString("id"), "the note is the newest in uma's inbox");
        assertEquals("Service booked", newest.getString("subject"), "subject in the inbox");
        assertEquals("unseen", newest.getString("state"), "not seen yet");
        assertEquals(before + 1, unread(UMA), "unread count rises by one");

        try (NotificationSocketClient socket = NotificationSocketClient.connect(UMA)) {
            await().atMost(Duration.ofSeconds(5))
                    .alias("unread note pushed on connect")
                    .until(() -> !socket.about(id).isEmpty());
            assertEquals(noteId, socket.about(id).get(0).json().getString("id"), "pushed on connect with its id");
        }

        Api.Reply read = UMA.post("/communications/inapp/" + noteId + "/read", "");
        assertEquals(200, read.status(), "uma reads her note: " + read.body());
        assertEquals("read", read.json().getString("state"), "note is read");
        assertNotNull(read.json().getString("readAt", null), "readAt stamped");
        assertEquals(before, unread(UMA), "unread count falls back after the read");
        assertEquals(
                200, UMA.post("/communications/inapp/" + noteId + "/read", "").status(), "reading twice is harmless");
        assertEquals(before, unread(UMA), "a second read does not count twice");
        Tracking.awaitRecipient(id, 0, "Delivered");
    }

    @Test
    void anotherUserNeitherReceivesNorCanTouchTheNote() throws Exception {
        try (NotificationSocketClient ulrich = NotificationSocketClient.connect(ULRICH);
                NotificationSocketClient uma = NotificationSocketClient.connect(UMA)) {
            String id = sendInApp(Api.userName("user"), "Private", "For ulrich only.");
            await().atMost(Duration.ofSeconds(5))
                    .alias("ulrich gets his note")
                    .until(() -> !ulrich.about(id).isEmpty());
            String noteId = Tracking.awaitRecipient(id, 0, "Sent").getString("providerMessageId");

            for (String action : List.of("read", "seen", "archive")) {
                Api.Reply r = UMA.post("/communications/inapp/" + noteId + "/" + action, "");
                assertEquals(404, r.status(), "uma cannot " + action + " ulrich's note");
                assertTrue(
                        r.contentType().startsWith("application/problem+json"),
                        "404 is a problem document: " + r.contentType());
            }
            uma.ack(noteId);
            await().during(Duration.ofSeconds(1))
                    .atMost(Duration.ofSeconds(2))
                    .alias("uma's ack changes nothing")
                    .until(() -> "Sent"
                            .equals(Tracking.communication(id)
                                    .getJsonArray("recipients")
                                    .getJsonObject(0)
                                    .getString("status")));
            assertTrue(uma.about(id).isEmpty(), "uma's socket never got ulrich's note");
            assertTrue(
                    UMA.get("/communications/inapp/inbox?limit=100").body().indexOf(noteId) < 0,
                    "ulrich's note is not in uma's inbox");
            assertEquals("unseen", inboxEntry(ULRICH, noteId).getString("state"), "ulrich's note is untouched");
        }
    }

    @Test
    void oneSendToTwoUsersGivesEachTheirOwnNoteOnceAndArchivingLeavesTheUnreadCount() throws Exception {
        long ulrichBefore = unread(ULRICH);
        long umaBefore = unread(UMA);
        String umaNote;
        try (NotificationSocketClient ulrich = NotificationSocketClient.connect(ULRICH);
                NotificationSocketClient uma = NotificationSocketClient.connect(UMA)) {
            String id = Tracking.send("""
                    {"recipients":[{"channel":"InApp","address":"%s"},{"channel":"InApp","address":"%s"}],
                     "message":{"subject":"Recall notice","content":"Book a free check."}}""".formatted(Api.userName("user"), Api.userName("user2")));
            String ulrichNote = Tracking.awaitRecipient(id, 0, "Sent").getString("providerMessageId");
            umaNote = Tracking.awaitRecipient(id, 1, "Sent").getString("providerMessageId");
            assertTrue(!ulrichNote.equals(umaNote), "each recipient has a note of their own");

            await().atMost(Duration.ofSeconds(5))
                    .alias("both sockets get their note")
                    .until(() -> !ulrich.about(id).isEmpty() && !uma.about(id).isEmpty());
            await().during(Duration.ofMillis(500))
                    .atMost(Duration.ofSeconds(2))
                    .alias("each note pushed once, to its owner")
                    .until(() -> ulrich.about(id).size() == 1 && uma.about(id).size() == 1);
            assertEquals(
                    ulrichNote, ulrich.about(id).get(0).json().getString("id"), "ulrich's socket got ulrich's note");
            assertEquals(umaNote, uma.about(id).get(0).json().getString("id"), "uma's socket got uma's note");
        }
        assertEquals(ulrichBefore + 1, unread(ULRICH), "ulrich has one more unread");
        assertEquals(umaBefore + 1, unread(UMA), "uma has one more unread");

        Api.Reply archived = UMA.post("/communications/inapp/" + umaNote + "/archive", "");
        assertEquals(200, archived.status(), "uma archives her unread note: " + archived.body());
        assertEquals("archived", archived.json().getString("state"), "archived");
        assertEquals(umaBefore, unread(UMA), "an archived note is no longer unread");
        assertEquals(ulrichBefore + 1, unread(ULRICH), "ulrich's count is his own");
    }

    @Test
    void theInboxPagesNewestFirstWithAnOpaqueCursor() {
        Api alice = Api.as("admin");
        String first = sendInApp(Api.userName("admin"), "First", "one");
        String second = sendInApp(Api.userName("admin"), "Second", "two");
        String firstNote = Tracking.awaitRecipient(first, 0, "Sent").getString("providerMessageId");
        String secondNote = Tracking.awaitRecipient(second, 0, "Sent").getString("providerMessageId");

        JsonObject page1 = alice.get("/communications/inapp/inbox?limit=1").json();
        assertEquals(secondNote, page1.getJsonArray("items").getJsonObject(0).getString("id"), "newest first");
        JsonObject page2 = alice.get("/communications/inapp/inbox?limit=1&next=" + page1.getString("next"))
                .json();
        assertEquals(
                firstNote,
                page2.getJsonArray("items").getJsonObject(0).getString("id"),
                "the cursor leads to the older note");

        assertEquals(
                200,
                alice.post("/communications/inapp/" + secondNote + "/archive", "")
                        .status(),
                "archive");
        JsonObject afterArchive =
                alice.get("/communications/inapp/inbox?limit=1").json();
        assertEquals(
                firstNote,
                afterArchive.getJsonArray("items").getJsonObject(0).getString("id"),
                "archived notes leave the inbox");
        assertEquals(
                400, alice.get("/communications/inapp/inbox?next=bm90LW91cnM").status(), "a forged cursor is refused");
        assertEquals(400, alice.get("/communications/inapp/inbox?limit=0").status(), "limit below 1 is refused");
    }

    @Test
    void anonymousAndWrongRoleHandshakesAreRefused() {
        assertEquals(401, refusedHandshake(Api.anonymous()), "anonymous handshake");
        assertEquals(401, refusedHandshake(Api.withCredentials(Api.userName("user"), "wrong")), "wrong password");
        assertEquals(403, refusedHandshake(Api.as("integration")), "integration role has no inbox socket");
        assertEquals(
                401, Api.anonymous().get("/communications/inapp/unread-count").status(), "anonymous REST");
        assertEquals(
                403,
                Api.as("integration").get("/communications/inapp/unread-count").status(),
                "integration REST");
    }

    private static int refusedHandshake(Api as) {
        ExecutionException failed = assertThrows(
                ExecutionException.class,
                () -> NotificationSocketClient.handshake(as)
                        .buildAsync(NotificationSocketClient.ENDPOINT, new java.net.http.WebSocket.Listener() {})
                        .get(),
                "handshake must fail");
        Throwable cause = failed.getCause() instanceof CompletionException c ? c.getCause() : failed.getCause();
        assertTrue(cause instanceof WebSocketHandshakeException, "a refused handshake, not " + cause);
        return ((WebSocketHandshakeException) cause).getResponse().statusCode();
    }

    private static String sendInApp(String user, String subject, String content) {
        return Tracking.send("""
                {"recipients":[{"channel":"InApp","address":"%s"}],"message":{"subject":"%s","content":"%s"}}""".formatted(user, subject, content));
    }

    private static long unread(Api as) {
        Api.Reply r = as.get("/communications/inapp/unread-count");
        assertEquals(200, r.status(), "unread count: " + r.body());
        return r.json().getJsonNumber("unread").longValue();
    }

    private static JsonObject inboxEntry(Api as, String noteId) {
        return as
                .get("/communications/inapp/inbox?limit=100")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(e -> noteId.equals(e.getString("id")))
                .findFirst()
                .orElseThrow(() -> new AssertionError("note " + noteId + " not in the inbox"));
    }
}
