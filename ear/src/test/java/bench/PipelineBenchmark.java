package bench;

import it.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
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
 * The README's benchmark (issue 9): starts the sandbox peers and Switchboard, then measures, in one
 * run, the end-to-end pipeline of each channel against its raw provider client on the same peer,
 * POST /send latency at 1, 8 and 32 clients, the lag of 1,000 scheduled sends due at once, SES
 * receipts ingested per second, the analytics query, and the server's memory. Prints a table and
 * writes target/bench/results.json (see docs/performance.md). Sizes are system properties
 * ({@code bench.recipients}, {@code bench.channel.recipients}, {@code bench.batch},
 * {@code bench.latency.requests}, {@code bench.scheduled}, {@code bench.receipts}). dynalite keeps its data
 * on disk (LevelDB) as in the tests, or in memory with {@code bench.dynamodb=memory}; the DynamoDB
 * baseline measures the same peer either way.
 */
public final class PipelineBenchmark {
    private static final int RECIPIENTS = Integer.getInteger("bench.recipients", 2500);
    private static final int BATCH = Integer.getInteger("bench.batch", 100);
    /** Recipients of the SMS, WhatsApp and in-app runs. */
    private static final int OTHERS = Integer.getInteger("bench.channel.recipients", 2500);
    private static final int LATENCY_REQUESTS = Integer.getInteger("bench.latency.requests", 480);
    private static final int SCHEDULED = Integer.getInteger("bench.scheduled", 1000);
    private static final int RECEIPTS = Integer.getInteger("bench.receipts", 2000);
    /** Which parts to run (comma-separated: channels, latency, scheduled, receipts, analytics); all when unset. */
    private static final String PHASES = System.getProperty("bench.phases", "channels,latency,scheduled,receipts,analytics");
    /** Where dynalite keeps its data during the run: disk (the default) or memory. */
    private static final String DYNAMODB_STORAGE = System.getProperty("bench.dynamodb", "disk");
    private final Map<String, Object> results = new LinkedHashMap<>();
    private CpuTimes cpuInRuns = CpuTimes.ZERO;

    private static boolean phase(String name) {
        return java.util.Arrays.asList(PHASES.split(",")).contains(name);
    }

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getProperty("data.dir", "target/bench-data"));
        it.support.Switchboard.deleteRecursively(dataDir);
        boolean inMemory = "memory".equals(DYNAMODB_STORAGE);
        try (Sandbox sandbox = Sandbox.start(Path.of(System.getProperty("sandbox.dir", "sandbox")), dataDir, inMemory)) {
            LibertyServer liberty = new LibertyServer(Path.of(System.getProperty("wlp.home", "target/liberty/wlp")),
                    "http://127.0.0.1:9080");
            liberty.clearMessagingStore();
            liberty.start(Duration.ofMinutes(2));
            try {
                new PipelineBenchmark().run(sandbox);
            } finally {
                liberty.stop();
            }
        }
        System.exit(0);
    }

    private void run(Sandbox sandbox) throws Exception {
        if (phase("channels")) {
            channels(sandbox.dynamo().pid());
        }
        if (phase("latency")) {
            latency();
        }
        if (phase("scheduled")) {
            Stats lag = ServiceRuns.scheduledLag(SCHEDULED, Duration.ofSeconds(20));
            put("scheduled_lag_p50_ms", lag.percentile(50));
            put("scheduled_lag_p99_ms", lag.percentile(99));
        }
        if (phase("receipts")) {
            double[] receipts = ServiceRuns.receipts(sandbox.snsSigner(), RECEIPTS);
            put("receipts_posted_per_s", receipts[0]);
            put("receipts_applied_per_s", receipts[1]);
        }
        if (phase("analytics")) {
            Stats analytics = ServiceRuns.analytics(50);
            put("analytics_p50_ms", analytics.percentile(50));
            put("analytics_p99_ms", analytics.percentile(99));
        }
        memory();
        report();
    }

    /** Runs {@code run} and adds the CPU each process used meanwhile to {@link #cpuInRuns}. */
    private <T> T measured(long dynalitePid, java.util.concurrent.Callable<T> run) throws Exception {
        long liberty = CpuTimes.libertyPid();
        CpuTimes before = CpuTimes.now(liberty, dynalitePid);
        T result = run.call();
        cpuInRuns = cpuInRuns.plus(CpuTimes.now(liberty, dynalitePid).minus(before));
        return result;
    }

    private void channels(long dynalitePid) throws Exception {
        JsonObject text = Json.createObjectBuilder().add("subject", "Benchmark").add("content", "Your car is ready.").build();
        ChannelRuns.endToEnd("Email", 200, BATCH, ChannelRuns::emailAddress, text, false); // warm-up: JIT, connection pools
        ChannelRuns.EndToEnd email = measured(dynalitePid, () ->
                ChannelRuns.endToEnd("Email", RECIPIENTS, BATCH, i -> ChannelRuns.emailAddress(1000 + i), text, true));
        double smtp = ChannelRuns.smtpBaseline(RECIPIENTS);
        put("email_end_to_end_recipients_per_s", email.perSecond());
        put("email_delivered_per_s", email.deliveredPerSecond());
        put("email_baseline_smtp_per_s", smtp);
        put("email_efficiency", email.perSecond() / smtp);

        ChannelRuns.EndToEnd sms = measured(dynalitePid, () -> ChannelRuns.endToEnd("SMS", OTHERS, BATCH, ChannelRuns::phoneNumber,
                Json.createObjectBuilder().add("content", "Your car is ready.").build(), true));
        double sns = ChannelRuns.snsBaseline(OTHERS);
        put("sms_end_to_end_recipients_per_s", sms.perSecond());
        put("sms_delivered_per_s", sms.deliveredPerSecond());
        put("sms_baseline_sns_per_s", sns);
        put("sms_efficiency", sms.perSecond() / sns);

        whatsAppTemplate();
        ChannelRuns.EndToEnd whatsApp = measured(dynalitePid, () -> ChannelRuns.endToEnd("WhatsApp", OTHERS, BATCH,
                i -> ChannelRuns.phoneNumber(200_000 + i), Json.createObjectBuilder().add("templateId", "bench-reminder")
                        .add("variables", Json.createObjectBuilder().add("vehicle", "Golf")).build(), true));
        double graph = ChannelRuns.graphBaseline(OTHERS);
        put("whatsapp_end_to_end_recipients_per_s", whatsApp.perSecond());
        put("whatsapp_delivered_per_s", whatsApp.deliveredPerSecond());
        put("whatsapp_baseline_graph_per_s", graph);
        put("whatsapp_efficiency", whatsApp.perSecond() / graph);

        String user = Api.userName("user");
        put("inapp_end_to_end_recipients_per_s",
                measured(dynalitePid, () -> ChannelRuns.endToEnd("InApp", OTHERS, BATCH, i -> user, text, false)).perSecond());
        // the four end-to-end runs only (sends, and their receipts for email, SMS and WhatsApp): where the CPU went
        double recipients = RECIPIENTS + 3.0 * OTHERS;
        put("liberty_cpu_ms_per_recipient", cpuInRuns.libertyMs() / recipients);
        put("dynalite_cpu_ms_per_recipient", cpuInRuns.dynaliteMs() / recipients);
        put("bench_and_peers_cpu_ms_per_recipient", cpuInRuns.benchMs() / recipients);
        put("dynamodb_baseline_puts_per_s", dynamoBaseline(4000));
    }

    private void latency() throws Exception {
        for (int clients : new int[] {1, 8, 32}) {
            Stats s = ServiceRuns.sendLatency(clients, LATENCY_REQUESTS);
            put("send_p50_ms_c" + clients, s.percentile(50));
            put("send_p99_ms_c" + clients, s.percentile(99));
        }
    }

    private void put(String figure, double value) {
        results.put(figure, value);
        System.out.printf("%-40s %14.1f%n", figure, value);
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
        try (DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + Sandbox.DYNAMODB_PORT))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(32)).build()) {
            return ChannelRuns.parallel(items, 16, () -> n -> dynamo.putItem(b -> b.tableName("switchboard").item(Map.of(
                    "PK", AttributeValue.fromS("BENCH#" + n), "SK", AttributeValue.fromS("ITEM"),
                    "payload", AttributeValue.fromS("Your car is ready.")))));
        }
    }

    private void memory() throws IOException {
        Api.Reply metrics = Api.as("admin").get("/metrics?scope=base");
        for (String line : metrics.body().lines().toList()) {
            if (line.startsWith("memory_usedHeap_bytes")) {
                results.put("server_heap_used_mib", Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / (1 << 20));
            }
        }
        for (String line : Files.readAllLines(Path.of("/proc/" + CpuTimes.libertyPid() + "/status"))) {
            if (line.startsWith("VmHWM:")) {
                results.put("server_peak_rss_mib", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
            }
        }
    }

    private void report() throws IOException {
        System.out.printf("%n%-40s %14s%n", "figure (" + RECIPIENTS + " email recipients, " + OTHERS + " per other channel, "
                + BATCH + " per request)", "value");
        results.forEach((k, v) -> System.out.printf("%-40s %14.1f%n", k, ((Number) v).doubleValue()));
        System.out.printf("machine: %d cores, JVM %s; dynalite %s%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getRuntimeMXBean().getVmVersion(), "memory".equals(DYNAMODB_STORAGE) ? "in memory" : "on disk (LevelDB)");
        Path out = Path.of("target/bench/results.json");
        Files.createDirectories(out.getParent());
        JsonObjectBuilder json = Json.createObjectBuilder();
        results.forEach((k, v) -> json.add(k, ((Number) v).doubleValue()));
        Files.writeString(out, json.build().toString());
        System.out.printf("KEY email e2e %.0f/s, efficiency %.2f, send p99 @32 %.1f ms, lag p99 %.0f ms, receipts %.0f/s,"
                + " analytics p99 %.0f ms, heap %.0f MiB%n",
                results.get("email_end_to_end_recipients_per_s"), results.get("email_efficiency"),
                results.get("send_p99_ms_c32"), results.get("scheduled_lag_p99_ms"), results.get("receipts_applied_per_s"),
                results.get("analytics_p99_ms"), results.getOrDefault("server_heap_used_mib", Double.NaN));
    }
}
