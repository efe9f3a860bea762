package it.inapp;

import it.support.Api;
import it.support.Switchboard;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.StringReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A real WebSocket client of {@code /ws/notifications} (the JDK's), signed in with the API's BASIC
 * credentials on the handshake; keeps every message it receives, with the time it arrived.
 */
public final class NotificationSocketClient implements WebSocket.Listener, AutoCloseable {
    static final URI ENDPOINT = URI.create(Switchboard.BASE_URL.replace("http", "ws") + "/ws/notifications");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /** One message as received. */
    public record Received(JsonObject json, long atNanos) {}

    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final StringBuilder partial = new StringBuilder();
    private WebSocket socket;

    public static NotificationSocketClient connect(Api as) throws Exception {
        NotificationSocketClient client = new NotificationSocketClient();
        URI endpoint = URI.create(as.baseUrl().replace("http", "ws") + "/ws/notifications");
        client.socket = handshake(as).buildAsync(endpoint, client).get(10, TimeUnit.SECONDS);
        return client;
    }

    static WebSocket.Builder handshake(Api as) {
        WebSocket.Builder b = HTTP.newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        return as.authorization() == null ? b : b.header("Authorization", as.authorization());
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
        partial.append(data);
        if (last) {
            try (JsonReader r = Json.createReader(new StringReader(partial.toString()))) {
                received.add(new Received(r.readObject(), System.nanoTime()));
            }
            partial.setLength(0);
        }
        webSocket.request(1);
        return null;
    }

    /** The notifications received for one communication. */
    public List<Received> about(String communicationId) {
        return received.stream()
                .filter(r -> communicationId.equals(r.json().getString("communicationId", null)))
                .toList();
    }

    void ack(String noteId) throws Exception {
        socket.sendText(
                        Json.createObjectBuilder()
                                .add("type", "ack")
                                .add("id", noteId)
                                .build()
                                .toString(),
                        true)
                .get(5, TimeUnit.SECONDS);
    }

    @Override
    public void close() {
        socket.sendClose(WebSocket.NORMAL_CLOSURE, "done")
                .orTimeout(5, TimeUnit.SECONDS)
                .exceptionally(e -> null)
                .join();
    }
}
