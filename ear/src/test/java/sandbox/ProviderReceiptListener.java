package sandbox;

import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.LoggedResponse;
import com.github.tomakehurst.wiremock.http.Request;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.StringReader;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A WireMock extension that makes the sandbox's SNS and Graph API send receipts back, as the real
 * services do: after WireMock answered an SNS {@code Publish} with a MessageId, an SMS delivery
 * event for it ({@link SmsDeliveryEvents}) goes in a signed SNS Notification to {@code /webhooks/sms};
 * after it answered a Graph {@code messages} POST with a wamid, {@code sent} then {@code delivered}
 * (or {@code failed}, {@link WhatsAppStatuses}) go, HMAC-signed, to {@code /webhooks/whatsapp}.
 * Posts run on a background thread a little later, so WireMock never waits for Switchboard and the
 * recipient is normally Sent (its provider reference stored) by the time the receipt arrives. Only
 * successful answers get receipts: fault stubs a test adds produce none. It also plays customers
 * writing to us ({@link CustomerMessages}).
 */
public final class ProviderReceiptListener implements ServeEventListener, AutoCloseable {
    private static final Duration FIRST = Duration.ofMillis(300);
    private static final Duration SECOND = Duration.ofMillis(600);
    private static final Pattern MESSAGE_ID = Pattern.compile("<MessageId>([^<]+)</MessageId>");
    private static final Pattern GRAPH_MESSAGES = Pattern.compile(GraphApiStubs.MESSAGES);

    private final SnsSandboxSigner signer;
    private final URI smsWebhook;
    private final URI whatsAppWebhook;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "provider-receipt-poster");
        t.setDaemon(true);
        return t;
    });

    public ProviderReceiptListener(SnsSandboxSigner signer, URI switchboard) {
        this.signer = signer;
        this.smsWebhook = switchboard.resolve("/webhooks/sms");
        this.whatsAppWebhook = switchboard.resolve("/webhooks/whatsapp");
    }

    @Override
    public String getName() {
        return "switchboard-provider-receipts";
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
        Request request = event.getRequest();
        LoggedResponse response = event.getResponse();
        if (response == null
                || response.getStatus() / 100 != 2
                || !"POST".equals(request.getMethod().getName())) {
            return;
        }
        String path = URI.create(request.getUrl()).getPath();
        try {
            if (path.matches(CustomerMessages.PATH)) {
                customerWrote(path.endsWith("whatsapp"), json(request.getBodyAsString()));
            } else if ("/".equals(path)) {
                snsPublished(request, response);
            } else if (GRAPH_MESSAGES.matcher(path).matches()) {
                graphAccepted(request, response);
            }
        } catch (RuntimeException e) { // a body we did not expect: no receipt, as if the provider lost it
            System.out.println("[sandbox receipts] no receipt for " + path + ": " + e);
        }
    }

    private void snsPublished(Request request, LoggedResponse response) {
        Map<String, String> form = form(request.getBodyAsString());
        Matcher id = MESSAGE_ID.matcher(response.getBodyAsString());
        if (!"Publish".equals(form.get("Action")) || form.get("PhoneNumber") == null || !id.find()) {
            return;
        }
        String messageId = id.group(1);
        String number = form.get("PhoneNumber");
        if (number.startsWith(SmsDeliveryEvents.NO_RECEIPT_PREFIX)) {
            return; // like SES's no-receipt domain: lets a benchmark post the receipts itself
        }
        Instant requested = Instant.now();
        later(
                FIRST,
                () -> post(
                        smsWebhook,
                        signer.notification(
                                SnsSandboxSigner.SMS_TOPIC, SmsDeliveryEvents.finalEvent(messageId, number, requested)),
                        Map.of("x-amz-sns-message-type", "Notification")));
    }

    private void graphAccepted(Request request, LoggedResponse response) {
        JsonObject sent = json(request.getBodyAsString());
        String to = sent.getString("to", null);
        String callbackData = sent.getString("biz_opaque_callback_data", null);
        JsonObject answer = json(response.getBodyAsString());
        if (to == null
                || to.startsWith(WhatsAppStatuses.NO_RECEIPT_PREFIX)
                || !answer.containsKey("messages")
                || answer.getJsonArray("messages").isEmpty()) {
            return;
        }
        String wamid = answer.getJsonArray("messages").getJsonObject(0).getString("id");
        later(
                FIRST,
                () -> postWhatsApp(WhatsAppStatuses.notification(WhatsAppStatuses.withCallbackData(
                        WhatsAppStatuses.status(wamid, "sent", to, Instant.now()), callbackData))));
        later(
                SECOND,
                () -> postWhatsApp(WhatsAppStatuses.notification(WhatsAppStatuses.withCallbackData(
                        WhatsAppStatuses.settled(wamid, to, Instant.now()), callbackData))));
    }

    /** The sandbox's "a customer writes" call ({@link CustomerMessages}): the provider's notification, at once. */
    private void customerWrote(boolean whatsApp, JsonObject call) {
        String from = call.getString("from");
        String text = call.getString("text", null);
        String id = UUID.randomUUID().toString();
        if (whatsApp) {
            JsonObject media = call.containsKey("media") ? call.getJsonObject("media") : null;
            later(
                    Duration.ZERO,
                    () -> postWhatsApp(CustomerMessages.whatsApp(from, text, media, "wamid.in-" + id, Instant.now())));
        } else {
            later(
                    Duration.ZERO,
                    () -> post(
                            smsWebhook,
                            signer.notification(SnsSandboxSigner.SMS_TOPIC, CustomerMessages.sms(from, text, id)),
                            Map.of("x-amz-sns-message-type", "Notification")));
        }
    }

    private void postWhatsApp(String body) {
        post(
                whatsAppWebhook,
                body,
                Map.of("X-Hub-Signature-256", WhatsAppStatuses.sign(WhatsAppStatuses.APP_SECRET, body)));
    }

    private void later(Duration delay, Runnable post) {
        executor.schedule(post, delay.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void post(URI webhook, String body, Map<String, String> headers) {
        try {
            HttpRequest.Builder b = HttpRequest.newBuilder(webhook)
                    .timeout(Duration.ofSeconds(10))
                    .header("Content-Type", "application/json; charset=UTF-8");
            headers.forEach(b::header);
            HttpResponse<String> r = http.send(
                    b.POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
            if (r.statusCode() != 200) {
                System.out.println(
                        "[sandbox receipts] " + webhook.getPath() + " answered " + r.statusCode() + " " + r.body());
            }
        } catch (Exception e) { // the server may not be up (yet): a receipt is lost, as it can be in life
            System.out.println("[sandbox receipts] not posted to " + webhook.getPath() + ": " + e);
        }
    }

    private static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** The fields of an application/x-www-form-urlencoded body, such as an SNS Query API request. */
    public static Map<String, String> form(String body) {
        Map<String, String> form = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                form.put(
                        URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return form;
    }

    @Override
    public void close() {
        executor.shutdownNow();
    }
}
