package component.channel;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * WireMock's admin API seen from the server: stubs the peer's answers and counts the requests it
 * received, with plain HTTP (WireMock's own client stays out of the deployment).
 */
final class PeerAdmin {
    private static final Pattern COUNT = Pattern.compile("\"count\"\\s*:\\s*(\\d+)");
    private final HttpClient http = HttpClient.newHttpClient();
    private final String admin;
    private final String path;

    /** The peer at {@code baseUrl}, its webhook at {@code path}. */
    PeerAdmin(String baseUrl, String path) {
        this.admin = baseUrl + "/__admin";
        this.path = path;
    }

    /** Forgets stubs, scenarios and received requests. */
    void reset() {
        post("/reset", "");
    }

    /** Forgets the stubs and scenarios, keeps the count of received requests. */
    void removeStubs() {
        send("DELETE", "/mappings", "");
        post("/scenarios/reset", "");
    }

    /** Every post answers {@code status}. */
    void alwaysAnswer(int status) {
        stub(null, null, null, status);
    }

    /** The first {@code failures} posts answer 503, then posts of exactly {@code json} answer 200 ok. */
    void failThenAccept(int failures, String json) {
        for (int i = 0; i < failures; i++) {
            stub(i == 0 ? "Started" : "failed-" + i, "failed-" + (i + 1), null, 503);
        }
        stub("failed-" + failures, null, json, 200);
    }

    /** Posts the webhook received. */
    int received() {
        Matcher m = COUNT.matcher(post("/requests/count", "{\"method\":\"POST\",\"urlPath\":\"" + path + "\"}"));
        if (!m.find()) {
            throw new IllegalStateException("no count in WireMock's answer");
        }
        return Integer.parseInt(m.group(1));
    }

    private void stub(String state, String next, String json, int status) {
        StringBuilder s = new StringBuilder("{");
        if (state != null) {
            s.append("\"scenarioName\":\"flaky\",\"requiredScenarioState\":\"")
                    .append(state)
                    .append("\",");
        }
        if (next != null) {
            s.append("\"newScenarioState\":\"").append(next).append("\",");
        }
        s.append("\"request\":{\"method\":\"POST\",\"urlPath\":\"").append(path).append('"');
        if (json != null) {
            s.append(",\"bodyPatterns\":[{\"equalToJson\":").append(quote(json)).append("}]");
        }
        s.append("},\"response\":{\"status\":")
                .append(status)
                .append(",\"body\":\"")
                .append(status == 200 ? "ok" : "busy")
                .append("\"}}");
        post("/mappings", s.toString());
    }

    private String post(String endpoint, String body) {
        return send("POST", endpoint, body);
    }

    private String send(String method, String endpoint, String body) {
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(URI.create(admin + endpoint))
                            .header("Content-Type", "application/json")
                            .method(method, HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "WireMock admin " + endpoint + " answered " + r.statusCode() + ": " + r.body());
            }
            return r.body();
        } catch (IOException e) {
            throw new IllegalStateException("WireMock admin " + endpoint + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String quote(String json) {
        return '"' + json.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + '"';
    }
}
