package bench;

import it.support.Api;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.mail.Message;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import sandbox.LibertyServer;
import sandbox.Sandbox;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The README's benchmark: starts the sandbox peers and Switchboard, then measures, in one run,
 * the end-to-end pipeline against the raw provider clients on the same peers, send latency under
 * concurrency, and the server's memory. Prints a table and writes target/bench/results.json.
 * Sizes are system properties ({@code bench.recipients}, {@code bench.batch}) so a quick run is possible.
 */
public final class PipelineBenchmark {
    private static final int RECIPIENTS = Integer.getInteger("bench.recipients", 2000);
    private static final int BATCH = Integer.getInteger("bench.batch", 100);
    private static final Api CSR = Api.as("csr");
    private final Map<String, Object> results = new LinkedHashMap<>();

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getProperty("data.dir", "target/bench-data"));
        it.support.Switchboard.deleteRecursively(dataDir);
        try (Sandbox sandbox = Sandbox.start(Path.of(System.getProperty("sandbox.dir", "sandbox")), dataDir)) {
            LibertyServer liberty = new LibertyServer(Path.of(System.getProperty("wlp.home", "target/liberty/wlp")),
                    "http://127.0.0.1:9080");
            liberty.clearMessagingStore();
            liberty.start(Duration.ofMinutes(2));
            try {
                new PipelineBenchmark().run();
            } finally {
                liberty.stop();
            }
        }
        System.exit(0);
    }

    private void run() throws Exception {
        endToEnd(200); // warm-up: JIT, connection pools
        double e2e = endToEnd(RECIPIENTS);
        double smtpBaseline = smtpBaseline(RECIPIENTS);
        double dynamoBaseline = dynamoBaseline(4000);
        results.put("email_end_to_end_recipients_per_s", e2e);
        results.put("email_baseline_smtp_per_s", smtpBaseline);
        results.put("email_efficiency", e2e / smtpBaseline);
        results.put("dynamodb_baseline_puts_per_s", dynamoBaseline);
        for (int clients : new int[] {1, 8, 32}) {
            Stats s = sendLatency(clients, 300);
            results.put("send_p50_ms_c" + clients, s.percentile(50));
            results.put("send_p95_ms_c" + clients, s.percentile(95));
            results.put("send_p99_ms_c" + clients, s.percentile(99));
        }
        memory();
        report();
    }

    /** Recipients per second from the first 202 until every recipient has left Pending. */
    private double endToEnd(int recipients) throws Exception {
        List<String> ids = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<String>> sends = new ArrayList<>();
        for (int sent = 0; sent < recipients; sent += BATCH) {
            int size = Math.min(BATCH, recipients - sent);
            int offset = sent;
            sends.add(pool.submit(() -> send(offset, size)));
        }
        for (Future<String> f : sends) {
            ids.add(f.get());
        }
        pool.shutdown();
        for (String id : ids) {
            awaitSettled(id);
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        return recipients / seconds;
    }

    private static String send(int offset, int size) {
        JsonArrayBuilder to = Json.createArrayBuilder();
        for (int i = 0; i < size; i++) {
            to.add(Json.createObjectBuilder().add("channel", "Email").add("address", "bench" + (offset + i) + "@example.com"));
        }
        JsonObjectBuilder body = Json.createObjectBuilder()
                .add("message", Json.createObjectBuilder().add("subject", "Benchmark").add("content", "Your car is ready."))
                .add("recipients", to);
        Api.Reply r = CSR.post("/communications/send", body.build().toString());
        if (r.status() != 202) {
            throw new IllegalStateException("send refused: " + r.status() + " " + r.body());
        }
        return r.json().getString("communicationId");
    }

    private static void awaitSettled(String id) throws InterruptedException {
        while (true) {
            JsonObject counts = CSR.get("/communications/" + id).json().getJsonObject("counts");
            if (counts.getJsonNumber("Pending").longValue() == 0) {
                return;
            }
            Thread.sleep(50);
        }
    }

    /** Jakarta Mail straight to the same SMTP peer: 8 threads, one reused connection each. */
    private static double smtpBaseline(int messages) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(Sandbox.SMTP_PORT));
        Session session = Session.getInstance(props);
        AtomicInteger next = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        long start = System.nanoTime();
        List<Future<?>> workers = new ArrayList<>();
        for (int t = 0; t < 8; t++) {
            workers.add(pool.submit(() -> {
                try (Transport transport = session.getTransport("smtp")) {
                    transport.connect();
                    for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                        MimeMessage m = new MimeMessage(session);
                        m.setFrom(new InternetAddress("bench@example.com"));
                        m.setRecipient(Message.RecipientType.TO, new InternetAddress("raw" + i + "@example.com"));
                        m.setSubject("Benchmark");
                        m.setText("Your car is ready.");
                        transport.sendMessage(m, m.getAllRecipients());
                    }
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return messages / ((System.nanoTime() - start) / 1e9);
    }

    /** PutItem straight to the same DynamoDB peer: 16 threads, one client. */
    private static double dynamoBaseline(int items) throws Exception {
        try (DynamoDbClient dynamo = DynamoDbClient.builder().region(Region.EU_WEST_1)
                .endpointOverride(URI.create("http://127.0.0.1:" + Sandbox.DYNAMODB_PORT))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(32)).build()) {
            AtomicInteger next = new AtomicInteger();
            ExecutorService pool = Executors.newFixedThreadPool(16);
            long start = System.nanoTime();
            List<Future<?>> workers = new ArrayList<>();
            for (int t = 0; t < 16; t++) {
                workers.add(pool.submit(() -> {
                    for (int i = next.getAndIncrement(); i < items; i = next.getAndIncrement()) {
                        int n = i;
                        dynamo.putItem(b -> b.tableName("switchboard").item(Map.of(
                                "PK", AttributeValue.fromS("BENCH#" + n), "SK", AttributeValue.fromS("ITEM"),
                                "payload", AttributeValue.fromS("Your car is ready."))));
                    }
                    return null;
                }));
            }
            for (Future<?> w : workers) {
                w.get();
            }
            pool.shutdown();
            return items / ((System.nanoTime() - start) / 1e9);
        }
    }

    /** POST /communications/send with one recipient each, from {@code clients} concurrent clients. */
    private static Stats sendLatency(int clients, int requestsPerClient) throws Exception {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        List<Future<?>> workers = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            workers.add(pool.submit(() -> {
                for (int i = 0; i < requestsPerClient; i++) {
                    long t0 = System.nanoTime();
                    send(i, 1);
                    latencies.add((System.nanoTime() - t0) / 1e6);
                }
                return null;
            }));
        }
        for (Future<?> w : workers) {
            w.get();
        }
        pool.shutdown();
        return new Stats(latencies.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private void memory() throws IOException {
        Api.Reply metrics = Api.as("admin").get("/metrics?scope=base");
        for (String line : metrics.body().lines().toList()) {
            if (line.startsWith("memory_usedHeap_bytes")) {
                results.put("server_heap_used_mib", Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)) / (1 << 20));
            }
        }
        for (var process : ProcessHandle.allProcesses().toList()) {
            String cmd = process.info().commandLine().orElse("");
            if (cmd.contains("ws-server.jar") && cmd.contains("switchboard")) {
                for (String line : Files.readAllLines(Path.of("/proc/" + process.pid() + "/status"))) {
                    if (line.startsWith("VmHWM:")) {
                        results.put("server_peak_rss_mib", Long.parseLong(line.replaceAll("\\D", "")) / 1024.0);
                    }
                }
            }
        }
    }

    private void report() throws IOException {
        System.out.printf("%n%-40s %14s%n", "figure (" + RECIPIENTS + " recipients, " + BATCH + " per request)", "value");
        results.forEach((k, v) -> System.out.printf("%-40s %14.1f%n", k, ((Number) v).doubleValue()));
        System.out.printf("machine: %d cores, JVM %s%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getRuntimeMXBean().getVmVersion());
        Path out = Path.of("target/bench/results.json");
        Files.createDirectories(out.getParent());
        JsonObjectBuilder json = Json.createObjectBuilder();
        results.forEach((k, v) -> json.add(k, ((Number) v).doubleValue()));
        Files.writeString(out, json.build().toString());
        System.out.printf("KEY email e2e %.0f/s, efficiency %.2f, send p99 @32 %.1f ms, heap %.0f MiB%n",
                results.get("email_end_to_end_recipients_per_s"), results.get("email_efficiency"),
                results.get("send_p99_ms_c32"), results.getOrDefault("server_heap_used_mib", Double.NaN));
    }
}
