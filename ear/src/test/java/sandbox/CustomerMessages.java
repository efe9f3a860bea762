package sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.time.Instant;
import java.util.UUID;

/**
 * Customers writing to us, as the sandbox plays it: {@code POST http://127.0.0.1:8089/sandbox/inbound/whatsapp}
 * or {@code .../sandbox/inbound/sms} with {@code {"from":"+447700900123","text":"Can I collect it at 5?"}}
 * (WhatsApp also takes {@code "media":{"type":"document","id":"...","mimeType":"application/pdf",
 * "filename":"...","caption":"..."}} instead of text) answers 202, and the sandbox then posts the
 * provider's own notification to Switchboard: Meta's HMAC-signed WhatsApp webhook with a
 * {@code messages[]} entry, or an SNS-signed two-way SMS message on the SMS events topic
 * ({@link ProviderReceiptListener} posts them). A developer's laptop shows a conversation this way.
 */
public final class CustomerMessages {
    public static final String PATH = "/sandbox/inbound/(whatsapp|sms)";
    /** Our number customers write to, as the sandbox's SMS events name it. */
    public static final String OUR_NUMBER = "+447700900001";

    private CustomerMessages() {}

    static void install(WireMockServer wireMock) {
        wireMock.stubFor(post(urlPathMatching(PATH))
                .willReturn(aResponse()
                        .withStatus(202)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"posted\":true}")));
    }

    /** Meta's webhook body for one customer message: text, or media when {@code media} is given. */
    public static String whatsApp(String from, String text, JsonObject media, String wamid, Instant at) {
        JsonObjectBuilder message = Json.createObjectBuilder()
                .add("from", from.startsWith("+") ? from.substring(1) : from)
                .add("id", wamid)
                .add("timestamp", Long.toString(at.getEpochSecond()));
        if (media != null) {
            String type = media.getString("type", "document");
            JsonObjectBuilder content = Json.createObjectBuilder()
                    .add("id", media.getString("id", "media-" + UUID.randomUUID()))
                    .add("mime_type", media.getString("mimeType", "application/pdf"));
            if (media.containsKey("filename")) {
                content.add("filename", media.getString("filename"));
            }
            if (media.containsKey("caption")) {
                content.add("caption", media.getString("caption"));
            }
            message.add("type", type).add(type, content);
        } else {
            message.add("type", "text").add("text", Json.createObjectBuilder().add("body", text));
        }
        return WhatsAppStatuses.notification(
                "messages", Json.createArrayBuilder().add(message));
    }

    /** AWS End User Messaging's two-way SMS message, as published to the SMS events topic. */
    public static String sms(String from, String text, String inboundMessageId) {
        return Json.createObjectBuilder()
                .add("originationNumber", from)
                .add("destinationNumber", OUR_NUMBER)
                .add("messageKeyword", "KEYWORD_447700900001")
                .add("messageBody", text)
                .add("inboundMessageId", inboundMessageId)
                .add("previousPublishedMessageId", "")
                .build()
                .toString();
    }
}
