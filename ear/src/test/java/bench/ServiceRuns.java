package bench;

import it.support.Api;
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
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import sandbox.SesEventPoster;

/**
 * The benchmark's request-side figures: POST /send latency under concurrency, the lag of many
 * scheduled sends due at once, and the analytics query's latency.
 */
final class ServiceRuns {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final JsonObject MESSAGE = Json.createObjectBuilder()
            .add("subject", "Benchmark")
            .add("content", "Your car is ready.")
            .build();

    private ServiceRuns() {}

    /**
     * POST /communications/send with one email recipient each, {@code total} requests from
     * {@code clients} clients, each on its own HTTP/1.1 connection as separate clients are: the
     * shared {@link Api} client would multiplex them all as HTTP/2 streams over one connection,
     * whose single writer then made a response wait for the others (seconds at 32).
     */
    static Stats sendLatency(int clients, int total) throws Exception {
        ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        ChannelRuns.parallel(total, clients, () -> {
            HttpClient own = HttpClient.newBuilder()
                    .version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            return i -> {
                String body = Json.createObjectBuilder()
                        .add("message", MESSAGE)
                        .add(
                                "recipients",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("channel", "Email")
                                                .add("address", ChannelRuns.emailAddress(i))))
                        .build()
                        .toString();
                HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:9080/communications/send"))
                        .header("Authorization", ChannelRuns.CSR.authorization())
                        .header("Content-Type", "application/json")
                        .timeout(Duration.ofSeconds(30))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build();
                long t0 = System.nanoTime();
                HttpResponse<String> r = own.send(request, HttpResponse.BodyHandlers.ofString());
                latencies.add((System.nanoTime() - t0) / 1e6);
                if (r.statusCode() != 202) {
                    throw new IllegalStateException("send refused: " + r.statusCode() + " " + r.body());
                }
            };
        });
        return stats(latencies);
    }

    /**
     * {@code count} single-recipient sends all scheduled for the same instant; the lag of each is its
     * communication's {@code sentAt} (the tickets are queued) minus {@code scheduledAt}.
     */
    static Stats scheduledLag(int count, Duration ahead) throws Exception {
        Instant due = Instant.now().plus(ahead);
        JsonObject message = Json.createObjectBuilder(MESSAGE).build();
        List<String> ids = new ArrayList<>();
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<String>> sends = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            int n = i;
            sends.add(pool.submit(() -> {
                String body = Json.createObjectBuilder()
                        .add("message", message)
                        .add("scheduledAt", due.toString())
                        .add(
                                "recipients",
                                Json.createArrayBuilder()
                                        .add(Json.createObjectBuilder()
                                                .add("channel", "Email")
                                                .add("address", "lag" + n + SesEventPoster.NO_RECEIPT_DOMAIN)))
                        .build()
                        .toString();
                Api.Reply r = ChannelRuns.CSR.post("/communications/send", body);
                if (r.status() != 202) {
                    throw new IllegalStateException("scheduled send refused: " + r.status() + " " + r.body());
                }
                return r.json().getString("communicationId");
            }));
        }
        for (Future<String> f : sends) {
            ids.add(f.get());
        }
        pool.shutdown();
        if (Instant.now().isAfter(due)) {
            System.out.println(
                    "warning: scheduling " + count + " sends took longer than " + ahead + "; lag is overstated");
        }
        List<Double> lags = new ArrayList<>();
        for (String id : ids) {
            JsonObject c = sentAt(id);
            lags.add((double)
                    Duration.between(due, Instant.parse(c.getString("sentAt"))).toMillis());
        }
        return new Stats(lags.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static JsonObject sentAt(String id) throws InterruptedException {
        while (true) {
            JsonObject c = ChannelRuns.CSR.get("/communications/" + id).json();
            if (c.containsKey("sentAt") && c.get("sentAt").getValueType() == JsonValue.ValueType.STRING) {
                return c;
            }
            Thread.sleep(200);
        }
    }

    /** GET /communications/analytics (the default range), {@code count} times in a row. */
    static Stats analytics(int count) {
        List<Double> latencies = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            long t0 = System.nanoTime();
            Api.Reply r = ChannelRuns.CSR.get("/communications/analytics");
            if (r.status() != 200) {
                throw new IllegalStateException("analytics answered " + r.status());
            }
            latencies.add((System.nanoTime() - t0) / 1e6);
        }
        return new Stats(latencies.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static Stats stats(ConcurrentLinkedQueue<Double> values) {
        return new Stats(values.stream().mapToDouble(Double::doubleValue).toArray());
    }
}
