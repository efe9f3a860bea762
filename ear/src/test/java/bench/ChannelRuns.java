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
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;
import sandbox.Sandbox;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;

/**
 * One channel's end-to-end run through Switchboard (POST /send in batches, until no recipient is
 * Pending, then until every one is Delivered where the sandbox posts receipts) and the same number
 * of messages sent by the raw client straight to the same peer: the baseline the pipeline is
 * measured against.
 */
final class ChannelRuns {
    static final Api CSR = Api.as("csr");
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final String WIREMOCK = "http://127.0.0.1:" + Sandbox.WIREMOCK_PORT;

    /** What one end-to-end run measured. */
    record EndToEnd(double perSecond, double deliveredPerSecond) {}

    private ChannelRuns() {}

    static String emailAddress(int i) {
        return "bench" + i + "@example.com";
    }

    static String phoneNumber(int i) {
        return "+447400" + (100_001 + i); // clear of the sandbox's failure numbers (…999999, …0000)
    }

    /** Recipients per second from the first request until none is Pending; then until all are Delivered (0 when not awaited). */
    static EndToEnd endToEnd(
            String channel,
            int recipients,
            int batch,
            IntFunction<String> address,
            JsonObject message,
            boolean awaitDelivered)
            throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        long start = System.nanoTime();
        List<Future<String>> sends = new ArrayList<>();
        for (int sent = 0; sent < recipients; sent += batch) {
            int size = Math.min(batch, recipients - sent);
            int offset = sent;
            sends.add(pool.submit(() -> send(channel, offset, size, address, message)));
        }
        List<String> ids = new ArrayList<>();
        for (Future<String> f : sends) {
            ids.add(f.get());
        }
        pool.shutdown();
        for (String id : ids) {
            awaitCount(id, "Pending", 0);
        }
        double settled = recipients / ((System.nanoTime() - start) / 1e9);
        if (!awaitDelivered) {
            return new EndToEnd(settled, 0);
        }
        for (String id : ids) {
            awaitCount(id, "Delivered", -1);
        }
        return new EndToEnd(settled, recipients / ((System.nanoTime() - start) / 1e9));
    }

    static String send(String channel, int offset, int size, IntFunction<String> address, JsonObject message) {
        JsonArrayBuilder to = Json.createArrayBuilder();
        for (int i = 0; i < size; i++) {
            to.add(Json.createObjectBuilder().add("channel", channel).add("address", address.apply(offset + i)));
        }
        JsonObjectBuilder body =
                Json.createObjectBuilder().add("message", message).add("recipients", to);
        Api.Reply r = CSR.post("/communications/send", body.build().toString());
        if (r.status() != 202) {
            throw new IllegalStateException("send refused: " + r.status() + " " + r.body());
        }
        return r.json().getString("communicationId");
    }

    /**
     * Polls until count {@code name} is {@code value}; a negative value means "equals the number of
     * recipients", and a recipient Failed meanwhile ends the wait for Delivered too.
     */
    static JsonObject awaitCount(String id, String name, long value) throws InterruptedException {
        while (true) {
            JsonObject communication = CSR.get("/communications/" + id).json();
            JsonObject counts = communication.getJsonObject("counts");
            long target = value >= 0
                    ? value
                    : communication.getJsonArray("recipients").size()
                            - counts.getJsonNumber("Failed").longValue();
            if (counts.getJsonNumber(name).longValue() == target) {
                return communication;
            }
            Thread.sleep(100);
        }
    }

    /** Jakarta Mail straight to the same SMTP peer: 8 threads, one reused connection each. */
    static Rate smtpBaseline(int messages) throws Exception {
        Properties props = new Properties();
        props.put("mail.smtp.host", "127.0.0.1");
        props.put("mail.smtp.port", Integer.toString(Sandbox.SMTP_PORT));
        Session session = Session.getInstance(props);
        return parallel(messages, 8, () -> {
            Transport transport = session.getTransport("smtp");
            transport.connect();
            return i -> {
                MimeMessage m = new MimeMessage(session);
                m.setFrom(new InternetAddress("bench@example.com"));
                m.setRecipient(
                        Message.RecipientType.TO, new InternetAddress("raw" + i + "@no-receipt.simulator.example"));
                m.setSubject("Benchmark");
                m.setText("Your car is ready.");
                transport.sendMessage(m, m.getAllRecipients());
            };
        });
    }

    /** The AWS SDK's SnsClient publishing straight to the same SNS stub: 8 threads, one client. */
    static Rate snsBaseline(int messages) throws Exception {
        try (SnsClient sns = SnsClient.builder()
                .region(Region.EU_WEST_1)
                .endpointOverride(URI.create(WIREMOCK))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(16))
                .build()) {
            return parallel(
                    messages,
                    8,
                    () -> i -> sns.publish(
                            b -> b.phoneNumber(phoneNumber(500_000 + i)).message("Your car is ready.")));
        }
    }

    /** java.net.http posting the Graph API's template message straight to the same stub: 8 threads. */
    static Rate graphBaseline(int messages) throws Exception {
        return parallel(messages, 8, () -> i -> {
            String body = """
                    {"messaging_product":"whatsapp","recipient_type":"individual","to":"%s","type":"template",
                     "template":{"name":"service_reminder","language":{"code":"en_US"}}}""".formatted(phoneNumber(500_000 + i));
            HttpResponse<Void> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create(WIREMOCK + "/v21.0/100000000000001/messages"))
                            .header("Authorization", "Bearer sandbox-token")
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 200) {
                throw new IllegalStateException("Graph stub answered " + r.statusCode());
            }
        });
    }

    interface Worker {
        void send(int i) throws Exception;
    }

    interface WorkerFactory {
        Worker open() throws Exception;
    }

    /** A rate and the CPU the sending threads themselves used per message (the peer's work is not in it). */
    record Rate(double perSecond, double cpuMsPerMessage) {}

    /** Messages per second with {@code threads} workers taking the next index until {@code messages} are done. */
    static Rate parallel(int messages, int threads, WorkerFactory workers) throws Exception {
        AtomicInteger next = new AtomicInteger();
        AtomicLong cpuNanos = new AtomicLong();
        ThreadMXBean cpu = ManagementFactory.getThreadMXBean();
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        long start = System.nanoTime();
        List<Future<?>> running = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            running.add(pool.submit(() -> {
                Worker worker = workers.open();
                long t0 = cpu.getCurrentThreadCpuTime();
                for (int i = next.getAndIncrement(); i < messages; i = next.getAndIncrement()) {
                    worker.send(i);
                }
                cpuNanos.addAndGet(cpu.getCurrentThreadCpuTime() - t0);
                return null;
            }));
        }
        for (Future<?> w : running) {
            w.get();
        }
        pool.shutdown();
        return new Rate(messages / ((System.nanoTime() - start) / 1e9), cpuNanos.get() / 1e6 / messages);
    }
}
