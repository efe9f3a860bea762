package bench;

import it.support.Api;
import it.support.Jmx;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import sandbox.LibertyServer;
import sandbox.Sandbox;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The README's benchmark (issues 9 and 16): starts the sandbox peers and Switchboard, warms every
 * path until the JIT compiler is next to idle, then measures each channel phase by phase (accept,
 * deliver, receipt: {@link PhaseRuns}) three times and reports the median and the spread of counts
 * (DynamoDB requests, items and index writes, JMS messages and commits, HTTP requests, all per
 * recipient) and of CPU (Liberty's own work apart from JIT and GC, dynalite's per item), and the
 * hottest partition key value of the table and each index per phase ({@link HotKeys}). Then the
 * raw provider clients' CPU per message on the same peers, the end-to-end rate (bound by the
 * sandbox peers on this machine, and labelled so), POST /send latency in the accept phase,
 * scheduled-send lag, an idle server's DynamoDB requests, the analytics query and memory. Prints
 * tables and writes target/bench/results.json (see docs/performance.md). Parts:
 * {@code bench.phases} (phases, baselines, endtoend, latency, scheduled, idle, analytics); sizes:
 * {@code bench.recipients} (per channel and run), {@code bench.runs}, {@code bench.batch},
 * {@code bench.latency.requests}, {@code bench.scheduled}, {@code bench.e2e.recipients}.
 */
public final class PipelineBenchmark {
    private static final int RECIPIENTS = Integer.getInteger("bench.recipients", 1000);
    private static final int RUNS = Integer.getInteger("bench.runs", 3);
    private static final int BATCH = Integer.getInteger("bench.batch", 100);
    private static final int WARM_RECIPIENTS = Integer.getInteger("bench.warm.recipients", 400);
    private static final int MAX_WARM_ROUNDS = Integer.getInteger("bench.warm.rounds", 8);
    /** The JIT's share of Liberty's CPU in a warm-up round below which the server counts as warm. */
    private static final double WARM_JIT_SHARE = 0.03;

    private static final int E2E_RECIPIENTS = Integer.getInteger("bench.e2e.recipients", 1000);
    private static final int LATENCY_REQUESTS = Integer.getInteger("bench.latency.requests", 480);
    private static final int SCHEDULED = Integer.getInteger("bench.scheduled", 1000);
    private static final int IDLE_SECONDS = Integer.getInteger("bench.idle.seconds", 160);
    private static final String PHASES =
            System.getProperty("bench.phases", "phases,baselines,endtoend,latency,scheduled,idle,analytics");
    private static final String DYNAMODB_STORAGE = System.getProperty("bench.dynamodb", "disk");
    private static final String[] PHASE_NAMES = {"accept", "deliver", "receipt"};

    private final Map<String, Double> results = new LinkedHashMap<>();
    private final JsonObjectBuilder detail = Json.createObjectBuilder();
    private final Sandbox sandbox;
    private final long libertyPid;
    private final Jmx jmx;
    private int nextOffset = 1;

    private PipelineBenchmark(Sandbox sandbox, Jmx jmx) {
        this.sandbox = sandbox;
        this.libertyPid = LibertyProcess.libertyPid();
        this.jmx = jmx;
    }

    private static boolean part(String name) {
        return Arrays.asList(PHASES.split(",")).contains(name);
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getProperty("data.dir", "target/bench-data"));
        it.support.Switchboard.deleteRecursively(dataDir);
        boolean inMemory = "memory".equals(DYNAMODB_STORAGE);
        try (Sandbox sandbox =
                Sandbox.start(Path.of(System.getProperty("sandbox.dir", "sandbox")), dataDir, inMemory)) {
            LibertyServer liberty = new LibertyServer(
                    Path.of(System.getProperty("wlp.home", "target/liberty/wlp")), "http://127.0.0.1:9080");
            liberty.clearMessagingStore();
            // partition heat is off by default (a map of item keys); the benchmark reads it per phase
            Path heat = liberty.serverDir().resolve("configDropins/overrides/bench-partition-heat.xml");
            Files.createDirectories(heat.getParent());
            Files.writeString(heat, "<server><variable name=\"dynamodb.meter.partitions\" value=\"true\"/></server>\n");
            liberty.start(Duration.ofMinutes(2));
            try (Jmx jmx = Jmx.connect(liberty.serverDir())) {
                new PipelineBenchmark(sandbox, jmx).run();
            } finally {
                liberty.stop();
                Files.deleteIfExists(heat);
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        whatsAppTemplate();
        Map<String, Double> deliverCpu = new LinkedHashMap<>();
        if (part("phases")) {
            deliverCpu = phases();
        }
        if (part("baselines")) {
            baselines(deliverCpu);
        }
        if (part("endtoend")) {
            endToEnd();
        }
        if (part("latency")) {
            latency();
        }
        if (part("scheduled")) {
            Stats lag = ServiceRuns.scheduledLag(SCHEDULED, Duration.ofSeconds(20));
            put("scheduled_lag_p50_ms", lag.percentile(50));
            put("scheduled_lag_p99_ms", lag.percentile(99));
        }
        if (part("idle")) {
            idle();
        }
        if (part("analytics")) {
            Stats analytics = ServiceRuns.analytics(50);
            put("analytics_p50_ms", analytics.percentile(50));
            put("analytics_p99_ms", analytics.percentile(99));
        }
        memory();
        report();
    }

    /** Warm-up rounds until the JIT is next to idle, then {@link #RUNS} measured runs; answers each channel's deliver CPU. */
    private Map<String, Double> phases() throws Exception {
        PhaseRuns runs = new PhaseRuns(libertyPid, sandbox.dynamo().pid(), sandbox.snsSigner(), jmx, BATCH);
        runs.calibratePolls();
        put("progress_poll_liberty_cpu_ms", runs.pollCpuMs());
        for (int round = 1; round <= MAX_WARM_ROUNDS; round++) {
            double jit = 0;
            double total = 0;
            for (String channel : PhaseRuns.CHANNELS) {
                for (PhaseRuns.Measured m : runs.run(channel, WARM_RECIPIENTS, offset(WARM_RECIPIENTS))) {
                    jit += m.cpu().jitMs();
                    total += m.cpu().totalMs();
                }
            }
            System.out.printf(
                    "warm-up round %d: JIT %.0f of %.0f ms of Liberty CPU (%.1f %%)%n",
                    round, jit, total, 100 * jit / total);
            put("warmup_rounds", round);
            put("warmup_last_jit_share_pct", 100 * jit / total);
            if (jit / total < WARM_JIT_SHARE) {
                break;
            }
        }
        // channel → phase → figure → one value per run
        Map<String, Map<String, Map<String, List<Double>>>> figures = new LinkedHashMap<>();
        Map<String, Map<String, PhaseRuns.Measured>> last = new LinkedHashMap<>();
        Map<String, Map<String, List<PhaseRuns.Measured>>> hot = new LinkedHashMap<>();
        for (int run = 1; run <= RUNS; run++) {
            for (String channel : PhaseRuns.CHANNELS) {
                Map<String, Double> all = new LinkedHashMap<>();
                for (PhaseRuns.Measured m : runs.run(channel, RECIPIENTS, offset(RECIPIENTS))) {
                    Map<String, Double> f = m.figures();
                    f.forEach((k, v) -> figures.computeIfAbsent(channel, c -> new LinkedHashMap<>())
                            .computeIfAbsent(m.phase(), p -> new LinkedHashMap<>())
                            .computeIfAbsent(k, x -> new ArrayList<>())
                            .add(v));
                    f.forEach((k, v) -> all.merge(k, v, Double::sum)); // per-recipient figures add up over the phases
                    last.computeIfAbsent(channel, c -> new LinkedHashMap<>()).put(m.phase(), m);
                    if (m.hot() != null) {
                        hot.computeIfAbsent(channel, c -> new LinkedHashMap<>())
                                .computeIfAbsent(m.phase(), p -> new ArrayList<>())
                                .add(m);
                    }
                }
                all.remove("recipients_per_s");
                all.remove("dynalite_cpu_ms_per_item");
                all.forEach((k, v) -> figures.get(channel)
                        .computeIfAbsent("all", p -> new LinkedHashMap<>())
                        .computeIfAbsent(k, x -> new ArrayList<>())
                        .add(v));
            }
        }
        Map<String, Double> deliverCpu = printPhases(figures, last);
        printHotKeys(hot);
        return deliverCpu;
    }

    /** Per channel, phase and target (table, GSI1, GSI2, GSI3): the hottest key value, its writes and reads per second, its share of writes. */
    private void printHotKeys(Map<String, Map<String, List<PhaseRuns.Measured>>> hot) {
        if (hot.isEmpty()) {
            System.out.printf(
                    "%nHottest partition key values: not metered (the server runs with dynamodb.meter.partitions=false)%n");
            return;
        }
        System.out.printf(
                "%nHottest partition key value per phase (most writes): writes and reads per second of the phase, share of all"
                        + " its writes (table + GSI1 + GSI2 + GSI3), median of %d runs [min–max]; target: no key value above %.1f %% of the writes%n",
                RUNS, HotKeys.TARGET_SHARE_PCT);
        JsonObjectBuilder hotJson = Json.createObjectBuilder();
        double worst = 0;
        String worstWhere = "none";
        for (Map.Entry<String, Map<String, List<PhaseRuns.Measured>>> byChannel : hot.entrySet()) {
            String channel = byChannel.getKey();
            System.out.printf("%n%s%n", channel);
            JsonObjectBuilder channelJson = Json.createObjectBuilder();
            for (Map.Entry<String, List<PhaseRuns.Measured>> byPhase :
                    byChannel.getValue().entrySet()) {
                String phase = byPhase.getKey();
                List<PhaseRuns.Measured> runs = byPhase.getValue();
                JsonObjectBuilder phaseJson = Json.createObjectBuilder();
                for (String target : HotKeys.TARGETS) {
                    Map<String, List<Double>> f = new LinkedHashMap<>();
                    runs.forEach(m -> m.hot()
                            .figures(m.seconds())
                            .forEach((k, v) ->
                                    f.computeIfAbsent(k, x -> new ArrayList<>()).add(v)));
                    String t = target.toLowerCase();
                    List<Double> writes = f.get(t + "_writes_per_s");
                    List<Double> reads = f.get(t + "_reads_per_s");
                    List<Double> share = f.get(t + "_write_share_pct");
                    List<Double> unattributed = f.get(t + "_unattributed_writes");
                    List<String> keys = runs.stream()
                            .map(m -> HotKeys.pattern(m.hot().target(target).key()))
                            .toList();
                    System.out.printf(
                            "  %-8s hottest %-5s key %s: %s w/s, %s r/s (%s %% of writes)%s%n",
                            phase,
                            target,
                            String.join(" | ", keys.stream().distinct().toList()),
                            range(writes, "%.0f"),
                            range(reads, "%.0f"),
                            range(share, "%.1f"),
                            median(unattributed) > 0
                                    ? String.format(
                                            "; %.0f %s writes not attributed to a key value",
                                            median(unattributed), target)
                                    : "");
                    String figure = channel.toLowerCase() + "_" + phase + "_hot_" + t;
                    results.put(figure + "_writes_per_s", median(writes));
                    results.put(figure + "_reads_per_s", median(reads));
                    results.put(figure + "_write_share_pct", median(share));
                    phaseJson.add(
                            target,
                            Json.createObjectBuilder()
                                    .add("keys", Json.createArrayBuilder(keys))
                                    .add("writes_per_s", Json.createArrayBuilder(writes))
                                    .add("reads_per_s", Json.createArrayBuilder(reads))
                                    .add("write_share_pct", Json.createArrayBuilder(share))
                                    .add("unattributed_writes", Json.createArrayBuilder(unattributed)));
                    for (int i = 0; i < share.size(); i++) {
                        if (share.get(i) > worst) {
                            worst = share.get(i);
                            worstWhere = channel + " " + phase + ", " + target + " " + keys.get(i);
                        }
                    }
                }
                channelJson.add(phase, phaseJson);
            }
            hotJson.add(channel, channelJson);
        }
        System.out.printf(
                "%nlargest share of a phase's writes on one key value, any run: %.1f %% (%s); target ≤ %.1f %%: %s%n",
                worst, worstWhere, HotKeys.TARGET_SHARE_PCT, worst <= HotKeys.TARGET_SHARE_PCT ? "met" : "not met");
        results.put("hot_key_max_write_share_pct", worst);
        detail.add("hot_keys", hotJson);
    }

    private static String range(List<Double> v, String format) {
        return String.format(Locale.ROOT, format + " [" + format + "–" + format + "]", median(v), min(v), max(v));
    }

    private Map<String, Double> printPhases(
            Map<String, Map<String, Map<String, List<Double>>>> figures,
            Map<String, Map<String, PhaseRuns.Measured>> last) {
        Map<String, Double> deliverCpu = new LinkedHashMap<>();
        JsonObjectBuilder phasesJson = Json.createObjectBuilder();
        JsonObjectBuilder callsJson = Json.createObjectBuilder();
        System.out.printf(
                "%nPer recipient, median of %d runs of %d recipients per channel [min–max]; warm server%n",
                RUNS, RECIPIENTS);
        figures.forEach((channel, byPhase) -> {
            System.out.printf("%n%s%n%-8s", channel, "phase");
            List<String> names = new ArrayList<>(byPhase.get("accept").keySet());
            names.forEach(n -> System.out.printf(" %24s", n));
            System.out.println();
            JsonObjectBuilder channelJson = Json.createObjectBuilder();
            byPhase.forEach((phase, values) -> {
                System.out.printf("%-8s", phase);
                JsonObjectBuilder phaseJson = Json.createObjectBuilder();
                for (String n : names) {
                    List<Double> v = values.get(n);
                    if (v == null) {
                        System.out.printf(" %24s", "");
                        continue;
                    }
                    double median = median(v);
                    System.out.printf(" %24s", String.format("%.3f [%.3f–%.3f]", median, min(v), max(v)));
                    phaseJson.add(
                            n,
                            Json.createObjectBuilder()
                                    .add("median", median)
                                    .add("min", min(v))
                                    .add("max", max(v)));
                    results.put(channel.toLowerCase() + "_" + phase + "_" + n, median);
                }
                System.out.println();
                channelJson.add(phase, phaseJson);
            });
            deliverCpu.put(channel, median(byPhase.get("deliver").get("liberty_cpu_ms")));
            phasesJson.add(channel, channelJson);
            JsonObjectBuilder channelCalls = Json.createObjectBuilder();
            for (String phase : PHASE_NAMES) {
                PhaseRuns.Measured m = last.get(channel).get(phase);
                Map<String, Double> apis = m.counts().by("switchboard_dynamodb_requests_total", "api");
                Map<String, Double> callers = m.counts().by("switchboard_dynamodb_requests_total", "caller");
                Map<String, Double> jms = m.counts().by("switchboard_jms_messages_total", "destination");
                System.out.printf(
                        "  %s, last run, DynamoDB requests per recipient by API: %s%n", phase, perRecipient(apis, m));
                System.out.printf("  %s, by caller: %s%n", phase, perRecipient(callers, m));
                System.out.printf(
                        "  %s, JMS messages (sent and received) per recipient by destination: %s%n",
                        phase, perRecipient(jms, m));
                channelCalls.add(
                        phase,
                        Json.createObjectBuilder()
                                .add("api", json(apis, m))
                                .add("caller", json(callers, m))
                                .add("jms", json(jms, m)));
            }
            callsJson.add(channel, channelCalls);
        });
        detail.add("phases", phasesJson).add("calls", callsJson);
        return deliverCpu;
    }

    private static String perRecipient(Map<String, Double> counts, PhaseRuns.Measured m) {
        StringBuilder s = new StringBuilder();
        counts.entrySet().stream()
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .forEach(e -> s.append(String.format("%s %.3f, ", e.getKey(), e.getValue() / m.recipients())));
        return s.length() == 0 ? "none" : s.substring(0, s.length() - 2);
    }

    private static JsonObjectBuilder json(Map<String, Double> counts, PhaseRuns.Measured m) {
        JsonObjectBuilder b = Json.createObjectBuilder();
        counts.forEach((k, v) -> b.add(k, v / m.recipients()));
        return b;
    }

    /** The raw clients on the same peers: rate and their own CPU per message, each run twice (the first warms it). */
    private void baselines(Map<String, Double> deliverCpu) throws Exception {
        int n = Math.max(500, RECIPIENTS);
        Map<String, ChannelRuns.Rate> raw = new LinkedHashMap<>();
        ChannelRuns.smtpBaseline(n);
        raw.put("Email", ChannelRuns.smtpBaseline(n));
        ChannelRuns.snsBaseline(n);
        raw.put("SMS", ChannelRuns.snsBaseline(n));
        ChannelRuns.graphBaseline(n);
        raw.put("WhatsApp", ChannelRuns.graphBaseline(n));
        raw.forEach((channel, rate) -> {
            String c = channel.toLowerCase();
            put(c + "_raw_client_per_s", rate.perSecond());
            put(c + "_raw_client_cpu_ms_per_message", rate.cpuMsPerMessage());
            Double liberty = deliverCpu.get(channel);
            if (liberty != null) {
                put(c + "_deliver_cpu_over_raw_client", liberty / rate.cpuMsPerMessage());
            }
        });
        put("dynamodb_baseline_puts_per_s", dynamoBaseline(4000));
    }

    /** Each channel end to end with the sandbox's own receipts: bound by the peers on this machine, not by Switchboard. */
    private void endToEnd() throws Exception {
        String user = Api.userName("user");
        ChannelRuns.EndToEnd email = ChannelRuns.endToEnd(
                "Email",
                E2E_RECIPIENTS,
                BATCH,
                i -> ChannelRuns.emailAddress(offset(1) * 10 + i),
                PhaseRuns.message("Email"),
                true);
        put("peer_bound_email_end_to_end_per_s", email.perSecond());
        put("peer_bound_email_delivered_per_s", email.deliveredPerSecond());
        int base = offset(E2E_RECIPIENTS);
        ChannelRuns.EndToEnd sms = ChannelRuns.endToEnd(
                "SMS", E2E_RECIPIENTS, BATCH, i -> ChannelRuns.phoneNumber(base + i), PhaseRuns.message("SMS"), true);
        put("peer_bound_sms_end_to_end_per_s", sms.perSecond());
        put("peer_bound_sms_delivered_per_s", sms.deliveredPerSecond());
        int wa = offset(E2E_RECIPIENTS);
        ChannelRuns.EndToEnd whatsApp = ChannelRuns.endToEnd(
                "WhatsApp",
                E2E_RECIPIENTS,
                BATCH,
                i -> ChannelRuns.phoneNumber(200_000 + wa + i),
                PhaseRuns.message("WhatsApp"),
                true);
        put("peer_bound_whatsapp_end_to_end_per_s", whatsApp.perSecond());
        put("peer_bound_whatsapp_delivered_per_s", whatsApp.deliveredPerSecond());
        put(
                "peer_bound_inapp_end_to_end_per_s",
                ChannelRuns.endToEnd("InApp", E2E_RECIPIENTS, BATCH, i -> user, PhaseRuns.message("InApp"), false)
                        .perSecond());
    }

    /** POST /send of one email while the email consumer is paused (the accept phase), then the backlog drains. */
    private void latency() throws Exception {
        jmx.channel("Email").pause();
        double sentBefore = Metrics.recipients().recipients("Email", "Sent");
        try {
            for (int clients : new int[] {1, 8, 32}) {
                Stats s = ServiceRuns.sendLatency(clients, LATENCY_REQUESTS);
                put("accept_send_p50_ms_c" + clients, s.percentile(50));
                put("accept_send_p99_ms_c" + clients, s.percentile(99));
            }
        } finally {
            jmx.channel("Email").resume();
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(3).toNanos();
        while (Metrics.recipients().recipients("Email", "Sent") < sentBefore + 3 * LATENCY_REQUESTS
                && System.nanoTime() < deadline) {
            Thread.sleep(500);
        }
    }

    /** DynamoDB requests an idle server makes (its timers), per second and by caller. */
    private void idle() throws InterruptedException {
        // the sandbox's receipts of earlier parts (one poster thread) may still be coming: wait until nothing moves for
        // 5 s
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        Metrics last = Metrics.recipients();
        for (int still = 0; still < 5 && System.nanoTime() < deadline; ) {
            Thread.sleep(1000);
            Metrics now = Metrics.recipients();
            still = now.series().equals(last.series()) ? still + 1 : 0;
            last = now;
        }
        Metrics before = Metrics.read();
        int seconds = IDLE_SECONDS; // a whole sweep of the due shards (scheduler.sweep.seconds, 80)
        Thread.sleep(seconds * 1000L);
        Metrics d = Metrics.read().minus(before);
        put("idle_dynamodb_requests_per_s", d.sum("switchboard_dynamodb_requests_total") / seconds);
        Map<String, Double> callers = d.by("switchboard_dynamodb_requests_total", "caller");
        System.out.println("idle server, DynamoDB requests per second by caller: "
                + callers.entrySet().stream()
                        .map(e -> String.format("%s %.2f", e.getKey(), e.getValue() / seconds))
                        .toList());
        JsonObjectBuilder b = Json.createObjectBuilder();
        callers.forEach((k, v) -> b.add(k, v / seconds));
        detail.add("idle_callers_per_s", b);
    }

    private int offset(int size) {
        int o = nextOffset;
        nextOffset += size;
        return o;
    }

    private void put(String figure, double value) {
        results.put(figure, value);
        System.out.printf("%-45s %14.3f%n", figure, value);
    }

    private static double median(List<Double> v) {
        List<Double> s = v.stream().sorted().toList();
        return s.size() % 2 == 1 ? s.get(s.size() / 2) : (s.get(s.size() / 2 - 1) + s.get(s.size() / 2)) / 2;
    }

    private static double min(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
    }

    private static double max(List<Double> v) {
        return v.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
    }

    /** A template with a WhatsApp template, so the benchmark's WhatsApp messages go outside the 24-hour window. */
    private static void whatsAppTemplate() {
        Api.Reply saved = Api.as("admin").put("/communications/templates/bench-reminder", """
                {"locale":"en","channel":"WhatsApp","body":"Your {{vehicle}} is ready.",
                 "whatsappTemplate":"service_reminder","whatsappLanguage":"en_US","whatsappParameters":["vehicle"]}""");
        if (saved.status() != 200) {
            throw new IllegalStateException("template refused: " + saved.status() + " " + saved.body());
        }
    }

    /** PutItem straight to the same DynamoDB peer: 16 threads, one client. */
    private static double dynamoBaseline(int items) throws Exception {
        try (DynamoDbClient dynamo = DynamoDbClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + Sandbox.DYNAMODB_PORT))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(32))
                .build()) {
            return ChannelRuns.parallel(
                            items,
                            16,
                            () -> n -> dynamo.putItem(b -> b.tableName("switchboard")
                                    .item(Map.of(
                                            "PK",
                                            AttributeValue.fromS("BENCH#" + n),
                                            "SK",
                                            AttributeValue.fromS("ITEM"),
                                            "payload",
                                            AttributeValue.fromS("Your car is ready.")))))
                    .perSecond();
        }
    }

    private void memory() throws IOException {
        Api.Reply metrics = Api.as("admin").get("/metrics?scope=base");
        for (String line : metrics.body().lines().toList()) {
            if (line.startsWith("memory_usedHeap_bytes")) {
                results.put(
                        "server_heap_used_mib",
                        Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / (1 << 20));
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + libertyPid + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                results.put("server_peak_rss_mib", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
            }
        }
    }

    private void report() throws IOException {
        System.out.printf(
                "%n%-45s %14s%n",
                "figure (" + RECIPIENTS + " recipients per channel and run, " + BATCH + " per request)", "value");
        results.forEach((k, v) -> System.out.printf("%-45s %14.3f%n", k, v));
        System.out.printf(
                "machine: %d cores, JVM %s; dynalite %s%n",
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getRuntimeMXBean().getVmVersion(),
                "memory".equals(DYNAMODB_STORAGE) ? "in memory" : "on disk (LevelDB)");
        Path out = Path.of("target/bench/results.json");
        Files.createDirectories(out.getParent());
        JsonObjectBuilder json = Json.createObjectBuilder();
        results.forEach(json::add);
        JsonObject whole = json.add("detail", detail).build();
        Files.writeString(out, whole.toString());
        System.out.printf(
                "KEY email per recipient (accept+deliver+receipt): %.2f DynamoDB requests, %.2f ms Liberty CPU;"
                        + " idle %.2f requests/s; accept p99 @1/@32 %.0f/%.0f ms; lag p99 %.0f ms; heap %.0f MiB%n",
                results.getOrDefault("email_all_dynamodb_requests", Double.NaN),
                results.getOrDefault("email_all_liberty_cpu_ms", Double.NaN),
                results.getOrDefault("idle_dynamodb_requests_per_s", Double.NaN),
                results.getOrDefault("accept_send_p99_ms_c1", Double.NaN),
                results.getOrDefault("accept_send_p99_ms_c32", Double.NaN),
                results.getOrDefault("scheduled_lag_p99_ms", Double.NaN),
                results.getOrDefault("server_heap_used_mib", Double.NaN));
    }
}
