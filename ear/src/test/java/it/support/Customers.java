package it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Customers writing to us through the sandbox's documented call ({@code sandbox.CustomerMessages}):
 * the sandbox then posts the provider's own signed notification to the server.
 */
public final class Customers {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private Customers() {}

    /** {@code channel} is {@code whatsapp} or {@code sms}. */
    public static void write(String channel, String from, String text) {
        call(channel, "{\"from\":\"%s\",\"text\":\"%s\"}".formatted(from, text));
    }

    /** A WhatsApp document from the customer: Graph's media id, file name and caption. */
    public static void sendDocument(String from, String mediaId, String filename, String caption) {
        call("whatsapp", """
                {"from":"%s","media":{"type":"document","id":"%s","mimeType":"application/pdf",\
                "filename":"%s","caption":"%s"}}""".formatted(from, mediaId, filename, caption));
    }

    private static void call(String channel, String json) {
        try {
            HttpResponse<String> r = HTTP.send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:8089/sandbox/inbound/" + channel))
                            .header("Content-Type", "application/json")
                            .POST(HttpRequest.BodyPublishers.ofString(json))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(202, r.statusCode(), "the sandbox takes the customer's message: " + r.body());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    /** A UK mobile number of its own for a test (not one the sandbox fails or leaves without receipts). */
    public static String number() {
        return "+4474" + ThreadLocalRandom.current().nextInt(10_000_000, 89_999_999);
    }
}
