package it.support;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;

/**
 * A client of the Switchboard API as one of the local profile's users (read from
 * src-config/server.env, exactly as the server reads them), or anonymous.
 */
public final class Api {
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final Map<String, String> ENV = readServerEnv();

    private final String authorization;
    private final String baseUrl;

    private Api(String authorization) {
        this(authorization, Switchboard.BASE_URL);
    }

    private Api(String authorization, String baseUrl) {
        this.authorization = authorization;
        this.baseUrl = baseUrl;
    }

    /** The same caller on another server (a second server of a cluster test). */
    public Api on(String baseUrl) {
        return new Api(authorization, baseUrl);
    }

    public String baseUrl() {
        return baseUrl;
    }

    /** A user of the local profile by role: csr, admin, integration, user, user2. */
    public static Api as(String role) {
        String prefix = "SB_" + role.toUpperCase() + "_";
        String user = ENV.get(prefix + "USER");
        String password = ENV.get(prefix + "PASSWORD");
        if (user == null) {
            throw new IllegalArgumentException("no local user for role " + role);
        }
        return withCredentials(user, password);
    }

    public static Api withCredentials(String user, String password) {
        return new Api("Basic "
                + Base64.getEncoder().encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)));
    }

    /** An integration client presenting an API key as {@code Authorization: ApiKey <key>}. */
    public static Api withApiKey(String key) {
        return new Api("ApiKey " + key);
    }

    public static Api anonymous() {
        return new Api(null);
    }

    /** The Authorization header this client sends, or null when anonymous (for non-HTTP handshakes). */
    public String authorization() {
        return authorization;
    }

    public static String userName(String role) {
        return ENV.get("SB_" + role.toUpperCase() + "_USER");
    }

    /** The local profile's password of the user with {@code role}, for a FORM sign-in. */
    public static String password(String role) {
        return ENV.get("SB_" + role.toUpperCase() + "_PASSWORD");
    }

    /** One HTTP answer with its body parsed when it is JSON. */
    public record Reply(int status, String contentType, String body, HttpResponse<String> raw) {
        public JsonObject json() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readObject();
            }
        }

        public JsonArray jsonArray() {
            try (JsonReader r = Json.createReader(new StringReader(body))) {
                return r.readArray();
            }
        }

        public String header(String name) {
            return raw.headers().firstValue(name).orElse(null);
        }
    }

    public Reply get(String path, String... headers) {
        return send(request(path, headers).GET());
    }

    public Reply delete(String path) {
        return send(request(path).DELETE());
    }

    public Reply post(String path, String json, String... headers) {
        return send(request(path, headers)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    /** Posts raw bytes (an upload) with their content type. */
    public Reply postBytes(String path, String contentType, byte[] body) {
        return send(
                request(path).header("Content-Type", contentType).POST(HttpRequest.BodyPublishers.ofByteArray(body)));
    }

    /** GETs {@code pathOrUrl} (a path on this server, or an absolute URL such as a link a recipient got) as bytes. */
    public HttpResponse<byte[]> getBytes(String pathOrUrl) {
        String url = pathOrUrl.startsWith("http") ? pathOrUrl : baseUrl + pathOrUrl;
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        try {
            return HTTP.send(b.GET().build(), HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public Reply put(String path, String json) {
        return send(request(path)
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(json)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b =
                HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(30));
        if (authorization != null) {
            b.header("Authorization", authorization);
        }
        for (int i = 0; i + 1 < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        return b;
    }

    private static Reply send(HttpRequest.Builder request) {
        try {
            HttpResponse<String> r = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Reply(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), r.body(), r);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, String> readServerEnv() {
        Path env = Path.of(System.getProperty("server.env", "../src-config/server.env"));
        Map<String, String> values = new HashMap<>();
        try {
            for (String line : Files.readAllLines(env)) {
                int eq = line.indexOf('=');
                if (!line.startsWith("#") && eq > 0) {
                    values.put(
                            line.substring(0, eq).trim(), line.substring(eq + 1).trim());
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + env, e);
        }
        return values;
    }
}
