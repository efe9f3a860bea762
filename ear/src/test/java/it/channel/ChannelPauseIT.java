package it.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.switchboard.channel.control.ChannelControlMBean;
import com.switchboard.communication.RecipientChunks;
import it.support.Api;
import it.support.Jmx;
import it.support.LocalDynamo;
import it.support.Switchboard;
import it.support.Tracking;
import java.net.Socket;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.Sandbox;
import sandbox.SnsStubs;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * An operator pauses and resumes a channel, and replays its dead letters, over JMX the way
 * JConsole does it ({@code com.switchboard:type=Channel,name=SMS} through the local connector).
 */
@ExtendWith(Switchboard.class)
class ChannelPauseIT {
    /** SnsSmsProvider's first call and its three @Retry calls. */
    private static final int SNS_CALLS_PER_DELIVERY = 4;

    private Jmx jmx;
    private ChannelControlMBean sms;

    @BeforeEach
    void connect() {
        jmx = Jmx.connect();
        sms = jmx.channel("SMS");
    }

    @AfterEach
    void resumeAndReset() throws Exception {
        try {
            if (sms.isPaused()) {
                sms.resume();
            }
        } finally {
            jmx.close();
            wireMock().resetAll();
            Sandbox.installDefaultStubs(wireMock());
        }
    }

    @Test
    void pausedSmsIsHeldOnItsQueueAndResumingSendsEveryMessage() {
        sms.pause();
        assertTrue(sms.isPaused(), "the SMS consumer reports paused");
        List<String> numbers = List.of(uniqueNumber(), uniqueNumber(), uniqueNumber());
        String id = Tracking.send("""
                {"message":{"content":"Held while paused"},"recipients":[
                 {"channel":"SMS","address":"%s"},{"channel":"SMS","address":"%s"},{"channel":"SMS","address":"%s"}]}""".formatted(numbers.get(0), numbers.get(1), numbers.get(2)));

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(6))
                .alias("nothing reaches SNS while SMS is paused")
                .until(() -> numbers.stream().allMatch(n -> publishesTo(n) == 0));
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    "Pending",
                    Tracking.communication(id)
                            .getJsonArray("recipients")
                            .getJsonObject(i)
                            .getString("status"),
                    "recipient " + i + " waits while SMS is paused");
        }
        assertEquals(3, sms.getQueueDepth(), "the three tickets are held on the sms queue");

        sms.resume();
        assertFalse(sms.isPaused(), "the SMS consumer runs again");
        for (int i = 0; i < 3; i++) {
            Tracking.awaitRecipientAccepted(id, i);
        }
        for (String n : numbers) {
            assertEquals(1, publishesTo(n), "one Publish to " + n + " once resumed");
        }
        await().atMost(Duration.ofSeconds(10)).alias("the sms queue drains").until(() -> sms.getQueueDepth() == 0);
    }

    @Test
    void aDeadLetteredSmsTicketIsDeliveredWhenReplayed() {
        String number = uniqueNumber();
        // SNS fails the first delivery (its in-process retries included); while its retry waits on the
        // queue the recipient item is taken away, so every redelivery fails until the ticket is parked
        wireMock()
                .stubFor(SnsStubs.publish()
                        .withFormParam("PhoneNumber", equalTo(number))
                        .atPriority(1)
                        .willReturn(aResponse().withStatus(500)));
        long parkedBefore = sms.getDeadLetterDepth();
        String id = Tracking.send("""
                {"message":{"content":"Parked, then replayed"},"recipients":[{"channel":"SMS","address":"%s"}]}""".formatted(number));
        await().atMost(Duration.ofSeconds(20))
                .alias("SNS refused the first delivery and its retries")
                .until(() -> publishesTo(number) >= SNS_CALLS_PER_DELIVERY);
        Map<String, AttributeValue> key = RecipientChunks.key(id, 0); // the chunk holds only this recipient
        Map<String, AttributeValue> recipient = LocalDynamo.client()
                .deleteItem(b -> b.tableName(LocalDynamo.TABLE).key(key).returnValues(ReturnValue.ALL_OLD))
                .attributes();
        await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(500))
                .alias("the ticket is dead-lettered")
                .until(() -> sms.getDeadLetterDepth() == parkedBefore + 1);

        // the operator fixes the cause (the item is back, SNS answers again) and replays
        LocalDynamo.client().putItem(b -> b.tableName(LocalDynamo.TABLE).item(recipient));
        wireMock().resetAll();
        Sandbox.installDefaultStubs(wireMock());
        assertEquals(
                "Pending",
                Tracking.communication(id)
                        .getJsonArray("recipients")
                        .getJsonObject(0)
                        .getString("status"),
                "a dead-lettered ticket leaves its recipient Pending");
        assertEquals(
                parkedBefore + 1, sms.replayDeadLetters(), "replay moves the SMS dead letters back to the sms queue");
        Tracking.awaitRecipientAccepted(id, 0);
        assertEquals(1, publishesTo(number), "the replayed ticket is published once");
        assertEquals(parkedBefore, sms.getDeadLetterDepth(), "ours left the dead-letter queue");
    }

    @Test
    void aPauseStoredByAnotherServerIsAppliedHereAndSoIsItsResume() {
        storePause(true); // what pause() on another server writes
        await().atMost(Duration.ofSeconds(20))
                .alias("this server pauses SMS as stored")
                .until(() -> sms.isPaused());
        storePause(false);
        await().atMost(Duration.ofSeconds(20))
                .alias("this server resumes SMS as stored")
                .until(() -> !sms.isPaused());
    }

    @Test
    void anAdministratorPausesSmsWithTheJmxRestConnectorAndOthersMayNot() throws Exception {
        String mbean = "https://127.0.0.1:9443/IBMJMXConnectorREST/mbeans/"
                + URLEncoder.encode("com.switchboard:type=Channel,name=SMS", StandardCharsets.UTF_8);
        HttpResponse<String> denied = restConnector("csr", mbean + "/operations/pause");
        assertEquals(403, denied.statusCode(), "a CSR is no Liberty administrator: " + denied.body());
        assertFalse(sms.isPaused(), "SMS still runs");

        HttpResponse<String> paused = restConnector("admin", mbean + "/operations/pause");
        assertEquals(200, paused.statusCode(), "the administrator pauses SMS: " + paused.body());
        assertTrue(sms.isPaused(), "SMS is paused");
        HttpResponse<String> resumed = restConnector("admin", mbean + "/operations/resume");
        assertEquals(200, resumed.statusCode(), resumed.body());
        assertFalse(sms.isPaused(), "SMS runs again");
    }

    /** POST of an MBean operation without parameters, as curl does it in the README, as a local user. */
    private static HttpResponse<String> restConnector(String role, String url) throws Exception {
        // the local profile's keystore is generated per server: trust it here, as curl -k does
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(
                null,
                new TrustManager[] {
                    new X509ExtendedTrustManager() {
                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType) {}

                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType, Socket socket) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType, Socket socket) {}

                        @Override
                        public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

                        @Override
                        public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {}

                        @Override
                        public X509Certificate[] getAcceptedIssuers() {
                            return new X509Certificate[0];
                        }
                    }
                },
                null);
        HttpClient http = HttpClient.newBuilder()
                .sslContext(tls)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
        return http.send(
                HttpRequest.newBuilder(URI.create(url))
                        .header("Authorization", Api.as(role).authorization())
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"params\":[],\"signature\":[]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static void storePause(boolean paused) {
        LocalDynamo.client()
                .putItem(b -> b.tableName(LocalDynamo.TABLE)
                        .item(Map.of(
                                "PK",
                                AttributeValue.fromS("CHANNEL#SMS"),
                                "SK",
                                AttributeValue.fromS("PAUSE"),
                                "type",
                                AttributeValue.fromS("ChannelPause"),
                                "channel",
                                AttributeValue.fromS("SMS"),
                                "paused",
                                AttributeValue.fromBool(paused),
                                "changedAt",
                                AttributeValue.fromS(Instant.now().toString()))));
    }

    private static long publishesTo(String number) {
        return wireMock()
                .findAll(postRequestedFor(urlEqualTo("/"))
                        .withFormParam("Action", equalTo("Publish"))
                        .withFormParam("PhoneNumber", equalTo(number)))
                .size();
    }

    /** A UK mobile number no other test uses. */
    private static String uniqueNumber() {
        return "+447400" + String.format("%06d", ThreadLocalRandom.current().nextInt(999_999));
    }

    private static WireMockServer wireMock() {
        return Switchboard.sandbox().wireMock();
    }
}
