package it.cluster;

import static it.support.Mailbox.mailsTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.channel.control.ChannelControlMBean;
import it.inapp.NotificationSocketClient;
import it.support.Api;
import it.support.Jmx;
import it.support.Switchboard;
import it.support.Tracking;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.LibertyServer;

/**
 * Two Liberty servers of the same build on one DynamoDB and one set of sandbox peers: A, the suite's
 * server, and B, a copy of its directory with its own ports and messaging store, started here. What
 * one accepts is delivered once; scheduled sends are dispatched once whoever claims them; a pause on
 * one holds both; a user connected to B sees live a note A delivered (both use A's messaging engine
 * for the push topic: {@code push.engine.address}); and when B dies (SIGKILL, its messaging store
 * deleted) with accepted recipients on its queue, A finishes them once its lease ran out, none twice.
 * A digest held by messages each server accepted goes out once, whichever server claims it.
 * B is killed by the last test.
 */
@ExtendWith(Switchboard.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoServersIT {
    private static final String B_URL = "http://127.0.0.1:9081";
    private static final Api CSR_A = Api.as("csr");
    private static final Api CSR_B = Api.as("csr").on(B_URL);
    private static LibertyServer b;

    @BeforeAll
    static void startServerB() throws Exception {
        b = Switchboard.liberty()
                .copyAs(
                        "switchboard-b",
                        B_URL,
                        Map.of(
                                "http.port", "9081",
                                "https.port", "9444",
                                "jms.port", "7277",
                                "jms.ssl.port", "7287",
                                // A's engine carries the push topic for both
                                "push.engine.address", "127.0.0.1:7276:BootstrapBasicMessaging"));
        b.start(Duration.ofMinutes(3));
    }

    @AfterAll
    static void stopServerB() throws Exception {
        if (b != null) {
            try {
                b.stop();
            } catch (Exception alreadyGone) {
                // killed by the last test
            }
            try (Jmx a = Jmx.connect()) {
                ChannelControlMBean email = a.channel("Email");
                if (email.isPaused()) {
                    email.resume();
                }
            }
        }
    }

    @Test
    @Order(1)
    void sendsAcceptedOnEitherServerAreEachDeliveredOnce() throws Exception {
        List<String> addresses = new ArrayList<>();
        for (Api server : List.of(CSR_A, CSR_B, CSR_A, CSR_B, CSR_A, CSR_B)) {
            String to = address("both");
            addresses.add(to);
            assertEquals(
                    202, server.post("/communications/send", email(to, null)).status());
        }
        awaitEachMailedOnce(addresses, Duration.ofSeconds(30));
    }

    @Test
    @Order(2)
    void scheduledSendsAreDispatchedOnceWhicheverServerClaimsThem() throws Exception {
        String at = Instant.now().plusSeconds(5).toString();
        List<String> addresses = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String to = address("scheduled");
            addresses.add(to);
            Api.Reply r = (i % 2 == 0 ? CSR_A : CSR_B).post("/communications/send", email(to, at));
            assertEquals(202, r.status(), r.body());
            assertEquals("Scheduled", r.json().getString("status"));
        }
        awaitEachMailedOnce(addresses, Duration.ofSeconds(45));
    }

    @Test
    @Order(3)
    void aDailyDigestOfMessagesAcceptedOnBothServersGoesOutOnce() throws Exception {
        Api adminA = Api.as("admin");
        Api adminB = Api.as("admin").on(B_URL);
        String to = address("digest");
        String stakeholder = "S-" + UUID.randomUUID();
        Api.Reply put = adminA.put("/communications/preferences?stakeholderId=" + stakeholder, """
                {"stakeholderType":"Customer","timezone":"Asia/Kolkata","digestTime":"08:00",
                 "channels":{"Email":{"enabled":true,"address":"%s","frequency":"Daily"}}}""".formatted(to));
        assertEquals(200, put.status(), put.body());
        try {
            setClocks(adminA, adminB, "2026-11-02T00:00:00Z");
            for (Api csr : List.of(CSR_A, CSR_B)) {
                Api.Reply sent = csr.post("/communications/send", """
                        {"stakeholderIds":["%s"],"urgency":"normal","message":{"subject":"From %s","content":"Held for the digest."}}""".formatted(stakeholder, csr.baseUrl()));
                assertEquals(202, sent.status(), sent.body());
                String id = sent.json().getString("communicationId");
                await().atMost(Duration.ofSeconds(30))
                        .until(() -> "digest"
                                .equals(Tracking.communication(id)
                                        .getJsonArray("recipients")
                                        .getJsonObject(0)
                                        .getString("heldFor", null)));
            }
            setClocks(adminA, adminB, "2026-11-02T02:30:00Z"); // 08:00 in Kolkata: both servers' timers race for it
            awaitEachMailedOnce(List.of(to), Duration.ofSeconds(45));
            assertEquals("Your daily digest (2 updates)", mailsTo(to).get(0).getSubject());
        } finally {
            assertEquals(200, adminA.delete("/communications/clock").status());
            assertEquals(200, adminB.delete("/communications/clock").status());
        }
    }

    private static void setClocks(Api a, Api b, String now) {
        for (Api server : List.of(a, b)) {
            Api.Reply r = server.put("/communications/clock", "{\"now\":\"" + now + "\"}");
            assertEquals(200, r.status(), r.body());
        }
    }

    @Test
    @Order(4)
    void aChannelPausedOnOneServerIsPausedOnBoth() throws Exception {
        try (Jmx a = Jmx.connect();
                Jmx onB = Jmx.connect(b.serverDir())) {
            onB.channel("SMS").pause();
            await().atMost(Duration.ofSeconds(20)).until(() -> a.channel("SMS").isPaused());
            a.channel("SMS").resume();
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> !onB.channel("SMS").isPaused());
        }
    }

    @Test
    @Order(5)
    void aUserOnServerBGetsLiveANoteServerADelivered() throws Exception {
        try (NotificationSocketClient onB =
                NotificationSocketClient.connect(Api.as("user").on(B_URL))) {
            Api.Reply sent = CSR_A.post("/communications/send", """
                    {"recipients":[{"channel":"InApp","address":"%s"}],
                     "message":{"subject":"Ready","content":"Delivered by A, pushed on B."}}""".formatted(Api.userName("user")));
            assertEquals(202, sent.status(), sent.body());
            String id = sent.json().getString("communicationId");
            await().atMost(Duration.ofSeconds(20)).until(() -> !onB.about(id).isEmpty());
            assertEquals("Ready", onB.about(id).get(0).json().getString("subject"));
        }
    }

    @Test
    @Order(6)
    void whatAKilledServerAcceptedIsFinishedByTheOtherOnce() throws Exception {
        List<String> addresses = new ArrayList<>();
        try (Jmx a = Jmx.connect()) {
            ChannelControlMBean email = a.channel("Email");
            email.pause();
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                try (Jmx onB = Jmx.connect(b.serverDir())) {
                    return onB.channel("Email").isPaused();
                }
            });
            for (int i = 0; i < 5; i++) {
                String to = address("orphan");
                addresses.add(to);
                assertEquals(
                        202, CSR_B.post("/communications/send", email(to, null)).status());
            }
            b.kill(); // its tickets die with its messaging store
            Switchboard.deleteRecursively(b.serverDir().resolve("messaging"));
            assertTrue(mailsTo(addresses.get(0)).isEmpty(), "nothing went out while paused");
            email.resume();
        }
        // A takes B's chunks over once B's lease (delivery.lease.seconds, 30 locally) ran out
        awaitEachMailedOnce(addresses, Duration.ofSeconds(90));
    }

    private static void awaitEachMailedOnce(List<String> addresses, Duration within) throws InterruptedException {
        await().atMost(within)
                .until(() -> addresses.stream().allMatch(to -> !mailsTo(to).isEmpty()));
        Thread.sleep(3000); // a second copy would come within moments of the first
        for (String to : addresses) {
            assertEquals(1, mailsTo(to).size(), "mails to " + to);
        }
        assertFalse(addresses.isEmpty());
    }

    private static String email(String to, String scheduledAt) {
        return """
                {"recipients":[{"channel":"Email","address":"%s"}],%s
                 "message":{"subject":"Two servers","content":"One copy, please."}}""".formatted(to, scheduledAt == null ? "" : "\"scheduledAt\":\"" + scheduledAt + "\",");
    }

    private static String address(String what) {
        return what + "-" + UUID.randomUUID() + "@cluster.example.com";
    }
}
