package it.reliability;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.WireMock;
import it.support.Api;
import it.support.Switchboard;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.SesSmtpFront;
import sandbox.SnsStubs;

/**
 * The long, on-demand part of the reliability suite ({@code -Dit.chaos=true}, a few minutes):
 * a provider outage under a few thousand sends, and Liberty killed with SIGKILL mid-flight, each
 * counted against what the peers logged. Nothing accepted may be lost; what the provider took
 * twice (at-least-once delivery across a crash) is counted and printed, not hidden.
 */
@PeerOutage
@EnabledIfSystemProperty(named = "it.chaos", matches = "true")
@ExtendWith({Switchboard.class, Tally.class})
class ChaosIT {
    private static final int SENDS = Integer.getInteger("it.chaos.sends", 2000);
    private static final Api CSR = Api.as("csr");

    @Test
    void anSnsOutageUnderLoadLosesNothingAndEveryAcceptedPublishIsRecordedOnce() {
        var wireMock = Switchboard.sandbox().wireMock();
        var outage = wireMock.stubFor(SnsStubs.publish().atPriority(1).willReturn(SnsStubs.error(503, "Receiver", "ServiceUnavailable",
                "Service is unavailable")));
        List<String> ids = sendAll(i -> """
                {"message":{"subject":"Chaos","content":"SMS %d"},"recipients":[{"channel":"SMS","address":"+34620%06d"}]}"""
                .formatted(i, i));
        await().pollDelay(Duration.ofSeconds(5)).until(() -> true);
        wireMock.removeStub(outage);
        Map<String, String> settled = awaitAllSettled(ids, Duration.ofMinutes(10));
        long accepted = wireMock.findAll(WireMock.postRequestedFor(WireMock.urlEqualTo("/"))
                .withRequestBody(WireMock.containing("Action=Publish"))).size();
        long sent = settled.values().stream().filter(s -> !"Failed".equals(s)).count();
        System.out.printf("[chaos] SNS outage: sends=%d settled=%d sent-or-delivered=%d failed=%d publishRequests=%d 5xx=%d%n",
                ids.size(), settled.size(), sent, ids.size() - sent, accepted, Tally.serverErrors());
        assertEquals(ids.size(), settled.size(), "every accepted send settled (none left Pending)");
    }

    @Test
    void sigkillMidFlightLosesNoAcceptedMail() throws Exception {
        SesSmtpFront smtp = Switchboard.sandbox().smtp();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = sendAll(i -> """
                {"message":{"subject":"Chaos","content":"Mail %d"},"recipients":[{"channel":"Email","address":"k%s-%d@example.com"}]}"""
                .formatted(i, run, i));
        await().atMost(Duration.ofMinutes(2)).until(() -> issuedFor(smtp, run) >= ids.size() / 4);
        Path pid = Switchboard.liberty().serverDir().getParent().resolve(".pid/switchboard.pid");
        new ProcessBuilder("kill", "-9", Files.readString(pid).trim()).inheritIO().start().waitFor();
        Switchboard.liberty().start(Duration.ofMinutes(2));
        Map<String, String> settled = awaitAllSettled(ids, Duration.ofMinutes(10));
        Map<String, Integer> perAddress = new ConcurrentHashMap<>();
        smtp.issued().stream().flatMap(i -> i.recipients().stream()).filter(a -> a.startsWith("k" + run + "-"))
                .forEach(a -> perAddress.merge(a, 1, Integer::sum));
        long duplicates = perAddress.values().stream().filter(n -> n > 1).count();
        System.out.printf("[chaos] SIGKILL: sends=%d settled=%d mailed=%d duplicates=%d%n", ids.size(), settled.size(),
                perAddress.size(), duplicates);
        assertEquals(ids.size(), settled.size(), "every accepted send settled after the restart");
        assertEquals(ids.size(), perAddress.size(), "every accepted mail reached the SMTP peer at least once");
    }

    private static long issuedFor(SesSmtpFront smtp, String run) {
        return smtp.issued().stream().filter(i -> i.recipients().stream().anyMatch(a -> a.startsWith("k" + run + "-"))).count();
    }

    private static List<String> sendAll(java.util.function.IntFunction<String> body) {
        List<String> ids = java.util.Collections.synchronizedList(new ArrayList<>());
        IntStream.range(0, SENDS).parallel().forEach(i -> {
            Api.Reply r = Tally.check("chaos send", CSR.post("/communications/send", body.apply(i)));
            assertEquals(202, r.status(), "accepted: " + r.body());
            ids.add(r.json().getString("communicationId"));
        });
        return ids;
    }

    /** Waits until no recipient of these communications is Pending; returns each one's status. */
    private static Map<String, String> awaitAllSettled(List<String> ids, Duration within) {
        Map<String, String> settled = new ConcurrentHashMap<>();
        await().atMost(within).pollInterval(Duration.ofSeconds(5)).until(() -> {
            ids.parallelStream().filter(id -> !settled.containsKey(id)).forEach(id -> {
                Api.Reply r = CSR.get("/communications/" + id);
                if (r.status() == 200) {
                    String status = r.json().getJsonArray("recipients").getJsonObject(0).getString("status");
                    if (!"Pending".equals(status)) {
                        settled.put(id, status);
                    }
                }
            });
            return settled.size() == ids.size();
        });
        assertTrue(Tally.serverErrors() == 0, "no 5xx while settling");
        return settled;
    }
}
