package bench;

import com.switchboard.channel.control.ChannelControlMBean;
import com.switchboard.metering.PartitionHeatMBean;
import it.support.Api;
import it.support.Jmx;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import sandbox.SesEventPoster;
import sandbox.SmsDeliveryEvents;
import sandbox.SnsSandboxSigner;
import sandbox.WhatsAppStatuses;

/**
 * One channel through Switchboard in three phases measured apart (issue 16):
 * <ul>
 * <li><b>accept</b>: POST /send of the recipients in batches while the channel's consumer is
 * paused, so only the request path runs;</li>
 * <li><b>deliver</b>: the consumer resumed until every recipient is Sent, to addresses whose peer
 * posts no receipt;</li>
 * <li><b>receipt</b>: one pre-signed receipt per recipient posted by 16 clients (SES and SMS events
 * through SNS, WhatsApp statuses, in-app reads) until every one is Delivered.</li>
 * </ul>
 * Each phase is bracketed by two readings of the server's counters, Liberty's CPU by thread kind and
 * dynalite's CPU, after the work settled (group commits, timers), so what a phase caused is all in
 * its figures; the server's partition heat (writes and reads per partition key value, {@link HotKeys})
 * is reset and read within the same brackets, when the server meters it. Progress is read from the
 * {@code switchboard.recipients} counter, never from communication views; the CPU those polls cost
 * is measured and taken out.
 */
final class PhaseRuns {
    static final String[] CHANNELS = {"Email", "SMS", "WhatsApp", "InApp"};
    private static final Duration SETTLE = Duration.ofMillis(1500);
    private static final Duration POLL = Duration.ofMillis(250);
    private static final HttpClient HTTP = HttpClient.newBuilder()
            .version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private static final String[] INBOX_USERS = {"user", "user2"};

    private final long libertyPid;
    private final long dynalitePid;
    private final SnsSandboxSigner signer;
    private final Jmx jmx;
    private final Optional<PartitionHeatMBean> heat;
    private final int batch;
    /** Liberty CPU of one progress poll, measured on the idle server and taken out of each phase. */
    private double pollCpuMs;

    /**
     * What one phase of one channel measured: counters and CPU over the phase, per recipient in {@link #figures};
     * {@code hot}: the hottest partition key values, null when the server does not meter them.
     */
    record Measured(
            String channel,
            String phase,
            int recipients,
            double seconds,
            Metrics counts,
            LibertyCpu cpu,
            double dynaliteMs,
            int polls,
            double pollCpuMs,
            HotKeys hot) {

        double perRecipient(double value) {
            return value / recipients;
        }

        double dynamoRequests() {
            return counts.sum("switchboard_dynamodb_requests_total");
        }

        double dynamoItems() {
            return counts.sum("switchboard_dynamodb_items_total");
        }

        Map<String, Double> figures() {
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("recipients_per_s", recipients / seconds);
            f.put("dynamodb_requests", perRecipient(dynamoRequests()));
            f.put("dynamodb_items", perRecipient(dynamoItems()));
            f.put("dynamodb_indexed_writes", perRecipient(counts.sum("switchboard_dynamodb_indexed_writes_total")));
            f.put(
                    "jms_sent",
                    perRecipient(counts.sum("switchboard_jms_messages_total", l -> "sent".equals(l.get("direction")))));
            f.put(
                    "jms_received",
                    perRecipient(
                            counts.sum("switchboard_jms_messages_total", l -> "received".equals(l.get("direction")))));
            f.put("jms_commits", perRecipient(counts.sum("switchboard_jms_commits_total")));
            f.put("http_requests", perRecipient(counts.sum("REST_request_seconds_count")));
            f.put("liberty_cpu_ms", perRecipient(Math.max(0, cpu.appMs() - polls * pollCpuMs)));
            f.put("liberty_gc_ms", perRecipient(cpu.gcMs()));
            f.put("liberty_jit_ms", perRecipient(cpu.jitMs()));
            f.put("dynalite_cpu_ms_per_item", dynamoItems() == 0 ? 0 : dynaliteMs / dynamoItems());
            return f;
        }
    }

    /** A channel's recipients for one run, with the receipt its provider would post. */
    private record Sent(String communicationId, int index, String address, String providerId) {}

    PhaseRuns(long libertyPid, long dynalitePid, SnsSandboxSigner signer, Jmx jmx, int batch) {
        this.libertyPid = libertyPid;
        this.dynalitePid = dynalitePid;
        this.signer = signer;
        this.jmx = jmx;
        this.heat = jmx.partitionHeat();
        this.batch = batch;
    }

    /** Measures the Liberty CPU of a progress poll on the idle server. */
    void calibratePolls() throws InterruptedException {
        for (int i = 0; i < 20; i++) {
            Metrics.recipients();
        }
        Thread.sleep(SETTLE.toMillis());
        LibertyCpu before = LibertyCpu.of(libertyPid);
        int polls = 100;
        for (int i = 0; i < polls; i++) {
            Metrics.recipients();
        }
        pollCpuMs = LibertyCpu.of(libertyPid).minus(before).appMs() / polls;
    }

    double pollCpuMs() {
        return pollCpuMs;
    }

    /** The three phases of {@code channel} for {@code n} recipients; {@code offset} keeps each run's addresses apart. */
    List<Measured> run(String channel, int n, int offset) throws Exception {
        ChannelControlMBean control = jmx.channel(channel);
        control.pause();
        List<Measured> phases = new ArrayList<>();
        List<String> ids = new ArrayList<>();
        phases.add(measure(channel, "accept", n, () -> {
            ids.addAll(accept(channel, n, offset));
            return 0;
        }));
        phases.add(measure(channel, "deliver", n, () -> {
            double sentBefore = Metrics.recipients().recipients(channel, "Sent");
            control.resume();
            return awaitStatus(channel, "Sent", sentBefore + n);
        }));
        List<Sent> sent = sent(ids);
        if (sent.size() != n) {
            throw new IllegalStateException(channel + ": " + sent.size() + " of " + n + " recipients were Sent");
        }
        List<Receipt> receipts = sent.stream().map(s -> receipt(channel, s)).toList();
        phases.add(measure(channel, "receipt", n, () -> {
            double before = Metrics.recipients().recipients(channel, "Delivered");
            ChannelRuns.parallel(receipts.size(), 16, () -> i -> receipts.get(i).post());
            return awaitStatus(channel, "Delivered", before + n);
        }));
        return phases;
    }

    private interface Phase {
        /** Runs the phase; answers how many progress polls it made. */
        int run() throws Exception;
    }

    private Measured measure(String channel, String phase, int n, Phase work) throws Exception {
        heat.ifPresent(PartitionHeatMBean::reset);
        Metrics before = Metrics.read();
        LibertyCpu cpuBefore = LibertyCpu.of(libertyPid);
        double dynaliteBefore = cpuMs(dynalitePid);
        long start = System.nanoTime();
        int polls = work.run();
        double seconds = (System.nanoTime() - start) / 1e9;
        Thread.sleep(SETTLE.toMillis()); // group commits, analytics flush, schedule cleanup: still this phase's work
        Metrics counts = Metrics.read().minus(before);
        LibertyCpu cpu = LibertyCpu.of(libertyPid).minus(cpuBefore);
        double dynaliteMs = cpuMs(dynalitePid) - dynaliteBefore;
        HotKeys hot = heat.map(h -> HotKeys.parse(h.top(1)))
                .orElse(null); // after the CPU readings: its JMX call is not the phase's
        return new Measured(channel, phase, n, seconds, counts, cpu, dynaliteMs, polls, pollCpuMs, hot);
    }

    private List<String> accept(String channel, int n, int offset) throws Exception {
        IntFunction<String> address = address(channel);
        JsonObject message = message(channel);
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Future<String>> sends = new ArrayList<>();
        // in-app goes to the one bench user, and a send keeps one copy per channel and address: one recipient a send
        int perSend = "InApp".equals(channel) ? 1 : batch;
        for (int done = 0; done < n; done += perSend) {
            int size = Math.min(perSend, n - done);
            int first = offset + done;
            sends.add(pool.submit(() -> ChannelRuns.send(channel, first, size, address, message)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : sends) {
            ids.add(f.get());
        }
        pool.shutdown();
        return ids;
    }

    /** Polls the recipients counter until {@code status} of {@code channel} reaches {@code target}; answers the polls made. */
    private static int awaitStatus(String channel, String status, double target) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        int polls = 0;
        while (true) {
            Metrics m = Metrics.recipients();
            polls++;
            if (m.recipients(channel, status) >= target) {
                return polls;
            }
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException(channel + ": " + status + " stayed at " + m.recipients(channel, status)
                        + " of " + target + " (Failed: " + m.recipients(channel, "Failed") + ")");
            }
            Thread.sleep(POLL.toMillis());
        }
    }

    /** Every recipient of the run with its provider id: read after the deliver phase, outside any measured window. */
    private static List<Sent> sent(List<String> ids) {
        List<Sent> sent = new ArrayList<>();
        for (String id : ids) {
            JsonObject c = ChannelRuns.CSR.get("/communications/" + id).json();
            for (JsonValue v : c.getJsonArray("recipients")) {
                JsonObject r = v.asJsonObject();
                if ("Sent".equals(r.getString("status")) && r.containsKey("providerMessageId")) {
                    sent.add(new Sent(id, r.getInt("index"), r.getString("address"), r.getString("providerMessageId")));
                }
            }
        }
        return sent;
    }

    /** The local user whose inbox {@code address} is: only they may read its notes. */
    private static Api inboxOwner(String address) {
        for (String role : INBOX_USERS) {
            if (Api.userName(role).equals(address)) {
                return Api.as(role);
            }
        }
        throw new IllegalArgumentException("no local user " + address);
    }

    static IntFunction<String> address(String channel) {
        return switch (channel) {
            case "Email" -> i -> "phase" + i + SesEventPoster.NO_RECEIPT_DOMAIN;
            case "SMS" -> i -> SmsDeliveryEvents.NO_RECEIPT_PREFIX + String.format("%06d", i % 1_000_000);
            case "WhatsApp" -> i -> WhatsAppStatuses.NO_RECEIPT_PREFIX + String.format("%06d", 100_000 + i % 800_000);
            // a user's inbox is one partition by design: the notes go to both local users, as they go to many in use
            case "InApp" -> i -> Api.userName(INBOX_USERS[i % INBOX_USERS.length]);
            default -> throw new IllegalArgumentException(channel);
        };
    }

    static JsonObject message(String channel) {
        if ("WhatsApp".equals(channel)) { // outside the 24-hour window: the approved template
            return Json.createObjectBuilder()
                    .add("templateId", "bench-reminder")
                    .add("variables", Json.createObjectBuilder().add("vehicle", "Golf"))
                    .build();
        }
        JsonObject text =
                Json.createObjectBuilder().add("content", "Your car is ready.").build();
        return "Email".equals(channel)
                ? Json.createObjectBuilder(text).add("subject", "Benchmark").build()
                : text;
    }

    /** A receipt ready to post, signed beforehand as the provider would have. */
    private record Receipt(URI uri, String body, Map<String, String> headers, String authorization) {
        void post() throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(uri)
                    .timeout(Duration.ofSeconds(30))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            headers.forEach(b::header);
            if (authorization != null) {
                b.header("Authorization", authorization);
            }
            HttpResponse<Void> r = HTTP.send(b.build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(uri.getPath() + " answered " + r.statusCode());
            }
        }
    }

    private Receipt receipt(String channel, Sent s) {
        URI base = URI.create("http://127.0.0.1:9080");
        Instant now = Instant.now();
        return switch (channel) {
            case "Email" ->
                new Receipt(
                        base.resolve("/webhooks/ses"),
                        signer.notification(
                                SnsSandboxSigner.SES_TOPIC,
                                SesEventPoster.event(
                                        s.providerId(),
                                        s.address(),
                                        Map.of(
                                                "communicationId",
                                                s.communicationId(),
                                                "recipient",
                                                Integer.toString(s.index())),
                                        now.toString())),
                        Map.of("Content-Type", "text/plain; charset=UTF-8", "x-amz-sns-message-type", "Notification"),
                        null);
            case "SMS" ->
                new Receipt(
                        base.resolve("/webhooks/sms"),
                        signer.notification(
                                SnsSandboxSigner.SMS_TOPIC,
                                SmsDeliveryEvents.finalEvent(s.providerId(), s.address(), now)),
                        Map.of("Content-Type", "text/plain; charset=UTF-8", "x-amz-sns-message-type", "Notification"),
                        null);
            case "WhatsApp" -> {
                String body = WhatsAppStatuses.notification(WhatsAppStatuses.withCallbackData(
                        WhatsAppStatuses.settled(s.providerId(), s.address().substring(1), now),
                        s.communicationId() + "-" + s.index()));
                yield new Receipt(
                        base.resolve("/webhooks/whatsapp"),
                        body,
                        Map.of(
                                "Content-Type",
                                "application/json",
                                "X-Hub-Signature-256",
                                WhatsAppStatuses.sign(WhatsAppStatuses.APP_SECRET, body)),
                        null);
            }
            case "InApp" ->
                new Receipt(
                        base.resolve("/communications/inapp/" + s.providerId() + "/read"),
                        "",
                        Map.of(),
                        inboxOwner(s.address()).authorization());
            default -> throw new IllegalArgumentException(channel);
        };
    }

    static double cpuMs(long pid) {
        return ProcessHandle.of(pid)
                .flatMap(p -> p.info().totalCpuDuration())
                .map(Duration::toMillis)
                .orElse(0L);
    }
}
