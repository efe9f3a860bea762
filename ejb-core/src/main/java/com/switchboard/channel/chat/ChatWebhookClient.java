package com.switchboard.channel.chat;

import com.switchboard.channel.DeliveryException;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.TransientDeliveryException;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.JsonObject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one HTTP client this server posts chat incoming webhooks with (Slack, Teams): a
 * {@link HttpClient} keeps its connections, so every staff alert reuses them. Webhook URLs are
 * secrets (the token is in the path), looked up by platform and name from the configuration
 * ({@code slack.webhook.<name>}, {@code teams.webhook.<name>}) and never put in a reason or a log.
 */
@ApplicationScoped
public class ChatWebhookClient {

    /** The platform's answer to one post. */
    public record Answer(int status, String body) {}

    @Inject
    Config config;

    @Inject
    @ConfigProperty(name = "chat.connect.timeout.ms", defaultValue = "3000")
    long connectTimeoutMillis;

    @Inject
    @ConfigProperty(name = "chat.read.timeout.ms", defaultValue = "10000")
    long readTimeoutMillis;

    private HttpClient http;

    @PostConstruct
    void start() {
        http = HttpClient.newBuilder()
                .connectTimeout(Duration.ofMillis(connectTimeoutMillis))
                .build();
    }

    /** The incoming-webhook URL configured for {@code platform} under {@code name}, if any. */
    public Optional<URI> webhook(String platform, String name) {
        return config.getOptionalValue(platform + ".webhook." + name, String.class)
                .filter(url -> !url.isBlank())
                .map(URI::create);
    }

    /**
     * Whether any webhook is configured for the platform, as a server variable
     * ({@code slack.webhook.ops}) or an environment variable ({@code SLACK_WEBHOOK_OPS}).
     */
    public boolean anyWebhook(String platform) {
        String prefix = platform + ".webhook.";
        for (String name : config.getPropertyNames()) {
            if (name.replace('_', '.').toLowerCase(java.util.Locale.ROOT).startsWith(prefix)
                    && config.getOptionalValue(name, String.class)
                            .filter(v -> !v.isBlank())
                            .isPresent()) {
                return true;
            }
        }
        return false;
    }

    /** Posts the JSON payload; an I/O failure or a timeout is transient, the URL stays out of the reason. */
    public Answer post(URI webhook, JsonObject payload) {
        HttpRequest request = HttpRequest.newBuilder(webhook)
                .timeout(Duration.ofMillis(readTimeoutMillis))
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(payload.toString()))
                .build();
        try {
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new TransientDeliveryException(
                    "webhook unreachable or timed out: " + e.getClass().getSimpleName(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TransientDeliveryException("interrupted while posting the webhook", e);
        }
    }

    /**
     * Sorts a webhook answer: 429 and 5xx are worth another try, any other refusal (a revoked or
     * mistyped webhook, an archived channel, a payload the platform rejects) never succeeds.
     */
    public static DeliveryException refusal(String platform, Answer answer) {
        String reason = platform + " webhook answered " + answer.status() + ": " + shorten(answer.body());
        if (answer.status() == 429 || answer.status() >= 500) {
            return new TransientDeliveryException(reason, null);
        }
        return new PermanentDeliveryException(reason, null);
    }

    /** Any other exception from a post, sorted: ours pass through, anything unexpected may pass with time. */
    public static DeliveryException classify(String platform, Exception failure) {
        if (failure instanceof DeliveryException known) {
            return known;
        }
        return new TransientDeliveryException(
                platform + " webhook failed: " + failure.getClass().getSimpleName(), failure);
    }

    private static String shorten(String body) {
        String text = body == null ? "" : body.strip();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
