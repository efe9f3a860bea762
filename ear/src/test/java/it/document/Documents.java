package it.document;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static sandbox.GraphApiStubs.MESSAGES;

import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import it.support.Api;
import it.support.Switchboard;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.io.ByteArrayOutputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import sandbox.ProviderReceiptListener;

/** What the document tests share: sample files, the upload, and what the sandbox peers received. */
final class Documents {
    /** The local profile's whatsapp.app.secret (src-config/.../local.xml). */
    private static final String APP_SECRET = "sandbox-app-secret";

    static final Pattern LINK =
            Pattern.compile("http://127\\.0\\.0\\.1:9080/documents/[0-9a-f-]+\\?exp=\\d+&sig=[\\w-]+");

    private Documents() {}

    /** A small, valid-looking PDF whose bytes are unique to the call. */
    static byte[] pdf() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes("%PDF-1.4\n%\u00e2\u00e3\u00cf\u00d3\n".getBytes(StandardCharsets.ISO_8859_1));
        out.writeBytes(("1 0 obj << /Type /Catalog >> endobj\n% " + UUID.randomUUID() + "\n")
                .getBytes(StandardCharsets.US_ASCII));
        byte[] binary = new byte[64];
        ThreadLocalRandom.current().nextBytes(binary); // bytes that text handling would damage
        out.writeBytes(binary);
        out.writeBytes("\n%%EOF\n".getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The start of a PNG (its signature and header chunk) followed by unique bytes. */
    static byte[] png() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13, 'I', 'H', 'D', 'R'});
        out.writeBytes(UUID.randomUUID().toString().getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** Uploads as {@code api}; answers the reply (201 with the document, or a problem). */
    static Api.Reply upload(Api api, byte[] bytes, String contentType, String filename) {
        return api.postBytes("/communications/attachments?filename=" + filename, contentType, bytes);
    }

    /** Uploads as a CSR and answers the document's id, failing unless it is 201. */
    static String uploaded(byte[] bytes, String contentType, String filename) {
        Api.Reply r = upload(Api.as("csr"), bytes, contentType, filename);
        assertEquals(201, r.status(), "the upload is stored: " + r.body());
        return r.json().getString("id");
    }

    /** A customer message from {@code number}, signed as Meta signs it: opens their 24-hour window. */
    static void customerWrites(String number) {
        Instant at = Instant.now();
        String waId = number.substring(1);
        String payload = """
                {"object":"whatsapp_business_account","entry":[{"id":"102290129340398","changes":[{"value":{
                  "messaging_product":"whatsapp",
                  "metadata":{"display_phone_number":"15550783881","phone_number_id":"100000000000001"},
                  "contacts":[{"profile":{"name":"Ana"},"wa_id":"%s"}],
                  "messages":[{"from":"%s","id":"wamid.inbound%d","timestamp":"%d","text":{"body":"Send me the invoice"},"type":"text"}]},
                  "field":"messages"}]}]}""".formatted(waId, waId, at.toEpochMilli(), at.getEpochSecond());
        Api.Reply r = Api.anonymous().post("/webhooks/whatsapp", payload, "X-Hub-Signature-256", sign(payload));
        assertEquals(200, r.status(), "the signed customer message is accepted: " + r.body());
    }

    /** The Graph API requests for one number, oldest first. */
    static List<ServeEvent> graphCallsFor(String number) {
        return Switchboard.sandbox().wireMock().getAllServeEvents().stream()
                .filter(e -> postRequestedFor(urlPathMatching(MESSAGES))
                        .withRequestBody(matchingJsonPath("$.to", equalTo(number)))
                        .build()
                        .match(e.getRequest())
                        .isExactMatch())
                .sorted((a, b) ->
                        a.getRequest().getLoggedDate().compareTo(b.getRequest().getLoggedDate()))
                .toList();
    }

    /** The text of the SMS the SNS peer accepted for {@code number}, if any yet. */
    static Optional<String> smsTextTo(String number) {
        return Switchboard.sandbox().wireMock().getAllServeEvents().stream()
                .filter(e -> e.getResponse().getStatus() == 200)
                .map(e -> ProviderReceiptListener.form(e.getRequest().getBodyAsString()))
                .filter(form -> number.equals(form.get("PhoneNumber")))
                .map(form -> form.get("Message"))
                .findFirst();
    }

    /** The first document link in {@code text}. */
    static String linkIn(String text) {
        Matcher m = LINK.matcher(text);
        if (!m.find()) {
            throw new AssertionError("no document link in: " + text);
        }
        return m.group();
    }

    static JsonObject json(String body) {
        try (var reader = Json.createReader(new StringReader(body))) {
            return reader.readObject();
        }
    }

    /** A UK mobile number no other test uses (never the sandbox's carrier-failure number). */
    static String uniqueUkNumber() {
        return "+447400" + String.format("%06d", ThreadLocalRandom.current().nextInt(999_999));
    }

    /** A Spanish mobile number no other test uses, ending in 7 (never one the sandbox fails). */
    static String uniqueSpanishNumber() {
        return "+3461" + String.format("%06d", ThreadLocalRandom.current().nextInt(1_000_000)) + "7";
    }

    private static String sign(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(APP_SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(payload.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
