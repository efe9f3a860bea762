package it.webhook;

import com.sun.net.httpserver.HttpServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A webhook subscriber: a real HTTP server on 127.0.0.1 at a free port that keeps every POST it
 * receives and answers with the status {@code answer} chooses for it.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One POST as it arrived, with the status it was answered with. */
    public record Received(String webhookId, String timestamp, String signature, String body, int answered) {
        public JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        public String type() {
            return json().getString("type");
        }

        boolean about(String communicationId) {
            return communicationId.equals(json().getJsonObject("data").getString("communicationId"));
        }
    }

    private final HttpServer server;
    private final List<Received> received = new CopyOnWriteArrayList<>();

    public WebhookReceiver(Function<String, Integer> answerForWebhookId) throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/hook", exchange -> {
            String body;
            try (InputStream in = exchange.getRequestBody()) {
                body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            String id = exchange.getRequestHeaders().getFirst("webhook-id");
            int status = answerForWebhookId.apply(id);
            received.add(new Received(
                    id,
                    exchange.getRequestHeaders().getFirst("webhook-timestamp"),
                    exchange.getRequestHeaders().getFirst("webhook-signature"),
                    body,
                    status));
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        server.start();
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
    }

    /** Everything that arrived, in arrival order. */
    public List<Received> received() {
        return List.copyOf(received);
    }

    /** What arrived about one communication, in arrival order. */
    public List<Received> about(String communicationId) {
        return received.stream().filter(r -> r.about(communicationId)).toList();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
