package it.reliability;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import it.support.Api;
import it.support.Jmx;
import it.support.Switchboard;
import jakarta.json.JsonValue;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.IntFunction;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.GraphApiStubs;
import sandbox.ProviderReceiptListener;
import sandbox.Sandbox;
import sandbox.SesSmtpFront;
import sandbox.SnsStubs;

/**
 * The long, on-demand part of the reliability suite ({@code -Dit.chaos=true}, a few minutes): each
 * channel's peer fails for a while under a load of sends (SNS answering 503 or resetting
 * connections, SES refusing sessions with 421, the Graph API answering so slowly that calls time
 * out, with a fallback to SMS for some), and Liberty is killed with SIGKILL mid-flight and while
 * still accepting sends. Each run is counted against the peer's own
 * log of what it accepted: every accepted recipient must settle, nothing may be lost (accepted by
 * us, never accepted by a peer nor Failed with a reason) and no one may get a message twice.
 */
@PeerOutage
@EnabledIfSystemProperty(named = "it.chaos", matches = "true")
@ExtendWith({Switchboard.class, Tally.class})
class ChaosIT {
    private static final int SENDS = Integer.getInteger("it.chaos.sends", 2000);
    private static final Duration OUTAGE = Duration.ofSeconds(Integer.getInteger("it.chaos.outage.s", 20));
    private static final Api CSR = Api.as("csr");
    private static final Pattern GRAPH_TO = Pattern.compile("\"to\"\\s*:\\s*\"\\+?(\\d+)\"");

    @AfterEach
    void peersBack() {
        Switchboard.sandbox().smtp().clearFaults();
        Switchboard.sandbox().wireMock().resetAll();
        Sandbox.installDefaultStubs(Switchboard.sandbox().wireMock());
    }

    @Test
    void anSnsOutageUnderLoadDelaysSmsButLosesAndDuplicatesNone() {
        smsOutage("SNS outage (503)", SnsStubs.error(503, "Receiver", "ServiceUnavailable", "Service is unavailable"));
    }

    @Test
    void snsResettingConnectionsUnderLoadDelaysSmsButLosesAndDuplicatesNone() {
        smsOutage("SNS connections reset", aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER));
    }

    private void smsOutage(String what, ResponseDefinitionBuilder failure) {
        var wireMock = Switchboard.sandbox().wireMock();
        String run = runDigits();
        var outage = wireMock.stubFor(SnsStubs.publish().atPriority(1).willReturn(failure));
        List<String> ids = sendAll(i -> """
                {"message":{"content":"SMS %d"},"recipients":[{"channel":"SMS","address":"%s"}]}""".formatted(i, number(run, i)));
        pause(OUTAGE);
        wireMock.removeStub(outage);

        Map<String, String> settled = awaitAllSettled(ids);
        Map<String, Long> published = perNumber(snsAccepted(), n -> n.startsWith(run));
        report(what, ids, settled, published);
    }

    @Test
    void anSesOutageUnderLoadDelaysMailButLosesAndDuplicatesNone() {
        SesSmtpFront smtp = Switchboard.sandbox().smtp();
        String run = UUID.randomUUID().toString().substring(0, 6);
        smtp.outage("Service not available, closing transmission channel");
        List<String> ids = sendAll(i -> """
                {"message":{"subject":"Chaos","content":"Mail %d"},"recipients":[{"channel":"Email","address":"o%s-%d@example.com"}]}""".formatted(i, run, i));
        pause(OUTAGE);
        smtp.outage(null);

        Map<String, String> settled = awaitAllSettled(ids);
        report("SES outage (421)", ids, settled, mailed(smtp, "o" + run + "-"));
    }

    @Test
    void graphTimingOutUnderLoadDelaysWhatsAppAndFallsBackToSmsWhereConfigured() {
        var wireMock = Switchboard.sandbox().wireMock();
        whatsAppTemplate();
        String run = runDigits();
        int withFallback = Math.max(10, SENDS / 20);
        List<String> stakeholders = IntStream.range(0, withFallback)
                .parallel()
                .mapToObj(i -> stakeholder(number(run, SENDS + i)))
                .toList();
        // slower than the client's read timeout (10 s): every call in the outage times out
        var outage = wireMock.stubFor(post(urlPathMatching(GraphApiStubs.MESSAGES))
                .atPriority(1)
                .willReturn(aResponse().withStatus(503).withFixedDelay(11_000)));
        String message = """
                {"templateId":"chaos-reminder","variables":{"vehicle":"Golf"}}""";
        // the stakeholders first, so their tickets meet the outage at the head of the queue
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        stakeholders.parallelStream()
                .forEach(s -> ids.add(accepted(CSR.post("/communications/send", """
                {"message":%s,"stakeholderIds":["%s"],"fallback":["SMS"]}""".formatted(message, s)))));
        ids.addAll(sendAll(i -> """
                {"message":%s,"recipients":[{"channel":"WhatsApp","address":"%s"}]}""".formatted(message, number(run, i))));
        // calls hang for 10 s each, so the breaker needs about 25 s of them to open
        pause(OUTAGE.plusSeconds(20));
        wireMock.removeStub(outage);

        Map<String, String> settled = awaitAllSettled(ids);
        Map<String, Long> whatsApp = perNumber(graphAccepted(), n -> n.startsWith(run));
        Map<String, Long> sms = perNumber(snsAccepted(), n -> n.startsWith(run));
        Map<String, Long> either = new ConcurrentHashMap<>(whatsApp);
        sms.forEach((n, c) -> either.merge(n, c, Long::sum));
        long smsFallbacks = sms.size();
        System.out.printf(
                "[chaos] Graph timeouts: %d of %d stakeholders with a fallback got an SMS%n",
                smsFallbacks, withFallback);
        report("Graph timeouts (WhatsApp, fallback SMS)", ids, settled, either);
        assertTrue(smsFallbacks > 0, "the fallback to SMS was used for stakeholders that have one");
    }

    @Test
    void sigkillMidFlightLosesNoAcceptedMail() throws Exception {
        SesSmtpFront smtp = Switchboard.sandbox().smtp();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> ids = sendAll(i -> """
                {"message":{"subject":"Chaos","content":"Mail %d"},"recipients":[{"channel":"Email","address":"k%s-%d@example.com"}]}""".formatted(i, run, i));
        await().atMost(Duration.ofMinutes(2))
                .until(() -> mailed(smtp, "k" + run + "-").size() >= ids.size() / 4);
        killAndRestartLiberty();

        Map<String, String> settled = awaitAllSettled(ids);
        report("SIGKILL mid-flight (email)", ids, settled, mailed(smtp, "k" + run + "-"));
    }

    /**
     * Killed mid-flight and its messaging store lost with it (the disk gone, or the server replaced):
     * the tickets of the recipients still Pending are nowhere any more; their chunks are taken over
     * once the gone server's lease runs out (30 s in the local profile) and go out once.
     */
    @Test
    void sigkillMidFlightWithTheMessagingStoreLostLosesNoAcceptedMail() throws Exception {
        SesSmtpFront smtp = Switchboard.sandbox().smtp();
        String run = UUID.randomUUID().toString().substring(0, 6);
        List<String> ids;
        try (Jmx jmx =
                Jmx.connect()) { // every ticket queued before the first goes out, so most are still queued at the kill
            jmx.channel("Email").pause();
            ids = sendAll(i -> """
                    {"message":{"subject":"Chaos","content":"Mail %d"},"recipients":[{"channel":"Email","address":"s%s-%d@example.com"}]}""".formatted(i, run, i));
            jmx.channel("Email").resume();
        }
        await().atMost(Duration.ofMinutes(2))
                .pollInterval(Duration.ofMillis(20))
                .until(() -> !mailed(smtp, "s" + run + "-").isEmpty());
        System.out.printf(
                "[chaos] killed with %d of %d mailed%n",
                mailed(smtp, "s" + run + "-").size(), ids.size());
        Path pid = Switchboard.liberty().serverDir().getParent().resolve(".pid/switchboard.pid");
        new ProcessBuilder("kill", "-9", Files.readString(pid).trim())
                .inheritIO()
                .start()
                .waitFor();
        Switchboard.liberty().clearMessagingStore();
        Switchboard.liberty().start(Duration.ofMinutes(2));

        Map<String, String> settled = awaitAllSettled(ids);
        report("SIGKILL mid-flight, messaging store lost (email)", ids, settled, mailed(smtp, "s" + run + "-"));
    }

    /** A 202 means the ticket is on disk: killed while still accepting, every send answered 202 goes out once. */
    @Test
    void sigkillWhileAcceptingLosesNoSendAnswered202() throws Exception {
        SesSmtpFront smtp = Switchboard.sandbox().smtp();
        String prefix = "a" + UUID.randomUUID().toString().substring(0, 6) + "-";
        Map<String, String> answered202 = new ConcurrentHashMap<>(); // address → communication id
        Thread sender = new Thread(() -> IntStream.range(0, SENDS).parallel().forEach(i -> {
            String address = prefix + i + "@example.com";
            try {
                Api.Reply r = CSR.post("/communications/send", """
                        {"message":{"subject":"Chaos","content":"Mail %d"},"recipients":[{"channel":"Email","address":"%s"}]}""".formatted(i, address));
                if (r.status() == 202) {
                    answered202.put(address, r.json().getString("communicationId"));
                }
            } catch (UncheckedIOException killed) {
                // no answer: the client does not know, and would retry with its Idempotency-Key
            }
        }));
        sender.start();
        await().atMost(Duration.ofMinutes(2)).until(() -> answered202.size() >= SENDS / 2);
        killAndRestartLiberty();
        sender.join();

        Map<String, String> settled = awaitAllSettled(new ArrayList<>(answered202.values()));
        Map<String, Long> mailed = mailed(smtp, prefix);
        mailed.keySet().retainAll(answered202.keySet()); // a send cut off before its answer may have gone out too
        report("SIGKILL while accepting (email)", new ArrayList<>(answered202.values()), settled, mailed);
    }

    private static void killAndRestartLiberty() throws Exception {
        Path pid = Switchboard.liberty().serverDir().getParent().resolve(".pid/switchboard.pid");
        new ProcessBuilder("kill", "-9", Files.readString(pid).trim())
                .inheritIO()
                .start()
                .waitFor();
        Switchboard.liberty().start(Duration.ofMinutes(2));
    }

    /**
     * Prints and checks the counts: every send settled; the recipients Sent or Delivered are exactly
     * those a peer accepted (none lost); no address was accepted twice; no 5xx.
     */
    private static void report(
            String what, List<String> ids, Map<String, String> settled, Map<String, Long> acceptedByPeer) {
        long sent = settled.values().stream().filter(s -> !"Failed".equals(s)).count();
        long failed = settled.size() - sent;
        long duplicated = acceptedByPeer.values().stream().filter(n -> n > 1).count();
        long lost = ids.size() - failed - acceptedByPeer.size();
        System.out.printf(
                "[chaos] %s: sends=%d settled=%d sent=%d failed=%d acceptedByPeer=%d lost=%d duplicated=%d 5xx=%d%n",
                what,
                ids.size(),
                settled.size(),
                sent,
                failed,
                acceptedByPeer.size(),
                lost,
                duplicated,
                Tally.serverErrors());
        assertEquals(ids.size(), settled.size(), "every accepted send settled (none left Pending)");
        assertEquals(0, failed, "an outage shorter than delivery.circuit.max.wait.ms fails nobody");
        assertEquals(0, lost, "every recipient our API reads as Sent was accepted by the peer");
        assertEquals(0, duplicated, "no one got the message twice");
        assertEquals(0, Tally.serverErrors(), "no 5xx");
    }

    /** Lets the outage last while the sends meet it. */
    private static void pause(Duration d) {
        try {
            Thread.sleep(d.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Digits that set this run's numbers apart from other runs' in the peers' logs. */
    private static String runDigits() {
        return "3462" + String.format("%03d", new java.util.Random().nextInt(1_000));
    }

    /**
     * A Spanish mobile number the validator accepts, unique to the run: +34 62 &lt;3 run digits&gt; &lt;4 digits&gt;,
     * never ending in the sandbox's WhatsApp failure suffix 0000 (a "failed" status after acceptance).
     */
    private static String number(String run, int i) {
        if (i + 1 > 9_999) {
            throw new IllegalArgumentException("it.chaos.sends too large for four-digit numbers: " + SENDS);
        }
        return "+" + run + String.format("%04d", i + 1);
    }

    private static String stakeholder(String number) {
        String id = "S-chaos-" + UUID.randomUUID();
        Api.Reply put =
                Api.as("admin").put("/communications/preferences?stakeholderId=" + id, """
                {"stakeholderType":"Customer","channels":{"WhatsApp":{"number":"%s"},"SMS":{"number":"%s"}}}""".formatted(number, number));
        assertEquals(200, put.status(), "preferences stored: " + put.body());
        return id;
    }

    private static void whatsAppTemplate() {
        Api.Reply saved = Api.as("admin").put("/communications/templates/chaos-reminder", """
                {"locale":"en","channel":"WhatsApp","body":"Your {{vehicle}} is ready.",
                 "whatsappTemplate":"service_reminder","whatsappLanguage":"en_US","whatsappParameters":["vehicle"]}""");
        assertEquals(200, saved.status(), "template saved: " + saved.body());
    }

    /** The numbers SNS answered 200 to a Publish for. */
    private static List<String> snsAccepted() {
        return accepted200()
                .filter(e -> e.getRequest().getBodyAsString().contains("Action=Publish"))
                .map(e -> ProviderReceiptListener.form(e.getRequest().getBodyAsString())
                        .get("PhoneNumber"))
                .filter(n -> n != null)
                .map(n -> n.replace("+", ""))
                .toList();
    }

    /** The numbers the Graph API answered 200 to a message for. */
    private static List<String> graphAccepted() {
        return accepted200()
                .filter(e -> e.getRequest().getUrl().matches(GraphApiStubs.MESSAGES))
                .map(e -> GRAPH_TO.matcher(e.getRequest().getBodyAsString()))
                .filter(Matcher::find)
                .map(m -> m.group(1))
                .toList();
    }

    /** Requests answered 200; a stub that resets the connection is logged as 200 too, but nothing was answered. */
    private static java.util.stream.Stream<ServeEvent> accepted200() {
        return Switchboard.sandbox().wireMock().getAllServeEvents().stream()
                .filter(e -> e.getResponse().getStatus() == 200
                        && e.getResponseDefinition().getFault() == null);
    }

    private static Map<String, Long> perNumber(List<String> numbers, Predicate<String> ofRun) {
        return numbers.stream()
                .filter(ofRun)
                .collect(Collectors.groupingBy(n -> n, ConcurrentHashMap::new, Collectors.counting()));
    }

    /** Addresses starting with {@code prefix} and how many messages the SMTP peer accepted for each. */
    private static Map<String, Long> mailed(SesSmtpFront smtp, String prefix) {
        return smtp.issued().stream()
                .flatMap(i -> i.recipients().stream())
                .filter(a -> a.startsWith(prefix))
                .collect(Collectors.groupingBy(a -> a, Collectors.counting()));
    }

    private static List<String> sendAll(IntFunction<String> body) {
        List<String> ids = Collections.synchronizedList(new ArrayList<>());
        IntStream.range(0, SENDS)
                .parallel()
                .forEach(i -> ids.add(accepted(CSR.post("/communications/send", body.apply(i)))));
        return ids;
    }

    private static String accepted(Api.Reply r) {
        Tally.check("chaos send", r);
        assertEquals(202, r.status(), "accepted: " + r.body());
        return r.json().getString("communicationId");
    }

    /** Waits until no entry of these communications is Pending; returns each one's status. */
    private static Map<String, String> awaitAllSettled(List<String> ids) {
        Map<String, String> settled = new ConcurrentHashMap<>();
        await().atMost(Duration.ofMinutes(10))
                .pollInterval(Duration.ofSeconds(5))
                .until(() -> {
                    ids.parallelStream().filter(id -> !settled.containsKey(id)).forEach(id -> {
                        Api.Reply r = CSR.get("/communications/" + id);
                        if (r.status() == 200
                                && r.json().getJsonArray("recipients").stream()
                                        .map(JsonValue::asJsonObject)
                                        .map(e -> e.getString("status"))
                                        .noneMatch("Pending"::equals)) {
                            settled.put(id, r.json().getString("status"));
                        }
                    });
                    return settled.size() == ids.size();
                });
        return settled;
    }
}
