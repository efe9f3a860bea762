package sandbox;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The sandbox's SES event publishing: shortly after the SMTP front accepts a message, posts an SES
 * {@code Delivery} event for it (a {@code Bounce}, Permanent, for {@link #BOUNCE_ADDRESS}) wrapped
 * in a signed SNS Notification to Switchboard's {@code /webhooks/ses}, from a background thread so
 * SMTP never waits; mail to {@link #NO_RECEIPT_DOMAIN} gets none. A refused or failed post is printed and dropped, as a lost receipt would be.
 */
public final class SesEventPoster implements AutoCloseable {
    public static final String BOUNCE_ADDRESS = "bounce@simulator.example";
    /** Mail to this domain gets no automatic receipt, so a test can post its own. */
    public static final String NO_RECEIPT_DOMAIN = "@no-receipt.simulator.example";

    private static final Duration DELAY = Duration.ofMillis(300);

    private final SnsSandboxSigner signer;
    private final URI webhook;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "ses-event-poster");
        t.setDaemon(true);
        return t;
    });

    public SesEventPoster(SnsSandboxSigner signer, URI webhook) {
        this.signer = signer;
        this.webhook = webhook;
    }

    /** Called by the SMTP front for each accepted message; returns at once. */
    public void accepted(SesSmtpFront.Issued issued) {
        for (String recipient : issued.recipients()) {
            if (recipient.toLowerCase(Locale.ROOT).endsWith(NO_RECEIPT_DOMAIN)) {
                continue;
            }
            executor.schedule(() -> post(issued, recipient), DELAY.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    /** The SES event (event publishing format) the sandbox would publish for one recipient. */
    public static String event(String messageId, String recipient, Map<String, String> tags, String sentAt) {
        boolean bounce = BOUNCE_ADDRESS.equals(recipient.toLowerCase(Locale.ROOT));
        String now = Instant.now().toString();
        JsonObjectBuilder tagMap = Json.createObjectBuilder()
                .add(
                        "ses:configuration-set",
                        Json.createArrayBuilder().add(tags.getOrDefault("ses:configuration-set", "switchboard-local")));
        tags.forEach((k, v) -> tagMap.add(k, Json.createArrayBuilder().add(v)));
        JsonObjectBuilder mail = Json.createObjectBuilder()
                .add("timestamp", sentAt)
                .add("source", "switchboard@localhost")
                .add("sendingAccountId", "000000000000")
                .add("messageId", messageId)
                .add("destination", Json.createArrayBuilder().add(recipient))
                .add("tags", tagMap);
        JsonObjectBuilder event = Json.createObjectBuilder()
                .add("eventType", bounce ? "Bounce" : "Delivery")
                .add("mail", mail);
        if (bounce) {
            JsonArrayBuilder bounced = Json.createArrayBuilder()
                    .add(Json.createObjectBuilder()
                            .add("emailAddress", recipient)
                            .add("action", "failed")
                            .add("status", "5.1.1")
                            .add("diagnosticCode", "smtp; 550 5.1.1 user unknown"));
            event.add(
                    "bounce",
                    Json.createObjectBuilder()
                            .add("bounceType", "Permanent")
                            .add("bounceSubType", "General")
                            .add("bouncedRecipients", bounced)
                            .add("timestamp", now)
                            .add("feedbackId", "sandbox-" + messageId)
                            .add("reportingMTA", "dsn; sandbox.simulator.example"));
        } else {
            event.add(
                    "delivery",
                    Json.createObjectBuilder()
                            .add("timestamp", now)
                            .add("processingTimeMillis", 300)
                            .add("recipients", Json.createArrayBuilder().add(recipient))
                            .add("smtpResponse", "250 2.6.0 Message received")
                            .add("reportingMTA", "sandbox.simulator.example"));
        }
        return event.build().toString();
    }

    private void post(SesSmtpFront.Issued issued, String recipient) {
        String body = signer.notification(
                SnsSandboxSigner.SES_TOPIC,
                event(issued.id(), recipient, issued.tags(), issued.at().toString()));
        try {
            HttpResponse<String> r = http.send(
                    HttpRequest.newBuilder(webhook)
                            .timeout(Duration.ofSeconds(10))
                            .header("Content-Type", "text/plain; charset=UTF-8")
                            .header("x-amz-sns-message-type", "Notification")
                            .POST(HttpRequest.BodyPublishers.ofString(body))
                            .build(),
                    HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                System.out.println(
                        "[sandbox ses] receipt for " + issued.id() + " answered " + r.statusCode() + " " + r.body());
            }
        } catch (Exception e) { // the server may not be up (yet): a receipt is lost, as it can be in life
            System.out.println("[sandbox ses] receipt for " + issued.id() + " not posted: " + e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
