package sandbox;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * WhatsApp Cloud API webhook notifications carrying message statuses, in the documented shape
 * ({@code entry[].changes[].value.statuses[]}), and Meta's {@code X-Hub-Signature-256} over them.
 * The sandbox posts {@code sent} then {@code delivered} for every accepted message, or
 * {@code failed} with error 131026 to a number ending in {@link #failureSuffix()}, and nothing to a
 * number starting with {@link #NO_RECEIPT_PREFIX} (tests post their own there).
 */
public final class WhatsAppStatuses {
    /** The local profile's whatsapp.app.secret (src-config/configDropins/profiles/local.xml). */
    public static final String APP_SECRET = System.getProperty("sandbox.whatsapp.app.secret", "sandbox-app-secret");

    public static final String DEFAULT_FAILURE_SUFFIX = "0000";
    /** Messages to these numbers get no automatic status, so a test can post its own. */
    public static final String NO_RECEIPT_PREFIX = "+34699";

    public static final int UNDELIVERABLE_CODE = 131026;
    public static final String UNDELIVERABLE_TITLE = "Message undeliverable";
    /** The local profile's whatsapp.phone.number.id. */
    private static final String PHONE_NUMBER_ID = "100000000000001";

    private WhatsAppStatuses() {}

    /** Numbers ending so get a failed status; {@code -Dsandbox.whatsapp.failure.suffix} changes it. */
    public static String failureSuffix() {
        return System.getProperty("sandbox.whatsapp.failure.suffix", DEFAULT_FAILURE_SUFFIX);
    }

    /** One status without errors ({@code sent}, {@code delivered}, {@code read}). */
    public static JsonObject status(String wamid, String status, String to, Instant at) {
        JsonObjectBuilder s = base(wamid, status, to, at);
        if (!"read".equals(status)) {
            s.add(
                    "conversation",
                    Json.createObjectBuilder()
                            .add("id", "conv" + Math.abs(wamid.hashCode()))
                            .add("origin", Json.createObjectBuilder().add("type", "utility")));
            s.add(
                    "pricing",
                    Json.createObjectBuilder()
                            .add("billable", true)
                            .add("pricing_model", "PMP")
                            .add("category", "utility"));
        }
        return s.build();
    }

    /** A {@code failed} status with one error as Meta documents it. */
    public static JsonObject failed(String wamid, String to, Instant at, int code, String title, String details) {
        return base(wamid, "failed", to, at)
                .add(
                        "errors",
                        Json.createArrayBuilder()
                                .add(
                                        Json.createObjectBuilder()
                                                .add("code", code)
                                                .add("title", title)
                                                .add("message", title)
                                                .add(
                                                        "error_data",
                                                        Json.createObjectBuilder()
                                                                .add("details", details))
                                                .add(
                                                        "href",
                                                        "https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes/")))
                .build();
    }

    /** The status the sandbox settles a message with: delivered, or failed for a failure number. */
    public static JsonObject settled(String wamid, String to, Instant at) {
        return to.endsWith(failureSuffix())
                ? failed(wamid, to, at, UNDELIVERABLE_CODE, UNDELIVERABLE_TITLE, "Message Undeliverable.")
                : status(wamid, "delivered", to, at);
    }

    /** {@code status} echoing the {@code biz_opaque_callback_data} the message was sent with, as Meta does; unchanged when null. */
    public static JsonObject withCallbackData(JsonObject status, String callbackData) {
        return callbackData == null
                ? status
                : Json.createObjectBuilder(status)
                        .add("biz_opaque_callback_data", callbackData)
                        .build();
    }

    /** The webhook body carrying these statuses. */
    public static String notification(JsonObject... statuses) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (JsonObject s : statuses) {
            list.add(s);
        }
        return notification("statuses", list);
    }

    /** Meta's webhook body with one change whose value carries {@code items} as {@code kind} (statuses, messages). */
    static String notification(String kind, JsonArrayBuilder items) {
        JsonObject value = Json.createObjectBuilder()
                .add("messaging_product", "whatsapp")
                .add(
                        "metadata",
                        Json.createObjectBuilder()
                                .add("display_phone_number", "15550783881")
                                .add("phone_number_id", PHONE_NUMBER_ID))
                .add(kind, items)
                .build();
        return Json.createObjectBuilder()
                .add("object", "whatsapp_business_account")
                .add(
                        "entry",
                        Json.createArrayBuilder()
                                .add(Json.createObjectBuilder()
                                        .add("id", "102290129340398")
                                        .add(
                                                "changes",
                                                Json.createArrayBuilder()
                                                        .add(Json.createObjectBuilder()
                                                                .add("value", value)
                                                                .add("field", "messages")))))
                .build()
                .toString();
    }

    /** {@code sha256=<hex HMAC-SHA256 of the body>}, as Meta signs a webhook with the app secret. */
    public static String sign(String secret, String body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return "sha256=" + HexFormat.of().formatHex(mac.doFinal(body.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonObjectBuilder base(String wamid, String status, String to, Instant at) {
        // Cloud API names the recipient by WhatsApp id: the E.164 number without its '+'
        return Json.createObjectBuilder()
                .add("id", wamid)
                .add("status", status)
                .add("timestamp", Long.toString(at.getEpochSecond()))
                .add("recipient_id", to.startsWith("+") ? to.substring(1) : to);
    }
}
