package com.switchboard.integration;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.UnknownHostException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.logging.Logger;
import javax.net.ssl.SSLException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Posts signed webhook bodies with one {@link HttpClient} per server (its connection pool is
 * shared by every consumer thread). Redirects are not followed: a subscriber moving must update
 * its subscription, and a redirect must not carry our signature elsewhere.
 */
@ApplicationScoped
public class HttpWebhookSender {
    private static final Logger LOG = Logger.getLogger(HttpWebhookSender.class.getName());

    /** What became of one POST: the subscriber's status code, or the error when it gave none. */
    public record Outcome(Integer statusCode, String error, long durationMs) {
        public boolean succeeded() {
            return statusCode != null && statusCode >= 200 && statusCode < 300;
        }
    }

    @Inject
    @ConfigProperty(name = "webhook.connect.timeout.ms", defaultValue = "5000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "webhook.request.timeout.ms", defaultValue = "10000")
    long requestTimeoutMillis;

    private HttpClient http;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    public Outcome post(String url, String webhookId, long timestampSeconds, String signature, String body) {
        HttpRequest request = HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofMillis(requestTimeoutMillis))
                .header("Content-Type", "application/json")
                .header("User-Agent", "Switchboard-Webhooks")
                .header("webhook-id", webhookId)
                .header("webhook-timestamp", Long.toString(timestampSeconds))
                .header("webhook-signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        long start = System.nanoTime();
        try {
            // the answer's body is not used; discarding it still reads it so the connection is reused
            HttpResponse<Void> response = http.send(request, HttpResponse.BodyHandlers.discarding());
            return new Outcome(response.statusCode(), null, elapsed(start));
        } catch (IOException e) {
            LOG.fine(() -> "webhook " + webhookId + " to " + request.uri().getHost() + " failed: " + e);
            return new Outcome(null, category(e), elapsed(start));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while posting webhook " + webhookId, e);
        }
    }

    /**
     * What went wrong, as a category an admin can act on; the exception's own text (addresses,
     * internal names a probe could learn from) stays out of the attempts shown.
     */
    static String category(IOException e) {
        if (e instanceof HttpConnectTimeoutException) {
            return "connect timeout";
        }
        if (e instanceof HttpTimeoutException) {
            return "request timeout";
        }
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof ConnectException) {
                return "connection refused";
            }
            if (t instanceof SSLException) {
                return "TLS handshake failed";
            }
            if (t instanceof UnknownHostException) {
                return "unknown host";
            }
        }
        return "connection failed";
    }

    private static long elapsed(long startNanos) {
        return Duration.ofNanos(System.nanoTime() - startNanos).toMillis();
    }
}
