package sandbox;

import jakarta.json.Json;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The SMS delivery events the sandbox publishes for each accepted {@code Publish}, in the AWS End
 * User Messaging SMS event format ({@code TEXT_DELIVERED}; {@code TEXT_CARRIER_BLOCKED}, final,
 * with the carrier's reason, for a {@link #failureNumbers() failure number}).
 */
public final class SmsDeliveryEvents {
    /** Numbers whose SMS the carrier refuses; {@code -Dsandbox.sms.failure.numbers=+44...,+34...} replaces them. */
    public static final String DEFAULT_FAILURE_NUMBERS = "+447400999999";
    /** Numbers starting with this get no delivery event: a test or benchmark posts its own. */
    public static final String NO_RECEIPT_PREFIX = "+447499";

    public static final String CARRIER_REASON = "Phone carrier has blocked this message";
    private static final String ORIGINATION = "+447700900001";

    private SmsDeliveryEvents() {}

    public static Set<String> failureNumbers() {
        return Arrays.stream(System.getProperty("sandbox.sms.failure.numbers", DEFAULT_FAILURE_NUMBERS)
                        .split(","))
                .map(String::strip)
                .filter(n -> !n.isEmpty())
                .collect(Collectors.toUnmodifiableSet());
    }

    /** The final event for {@code messageId}: delivered, or carrier-blocked for a failure number. */
    public static String finalEvent(String messageId, String number, Instant requestedAt) {
        boolean fails = failureNumbers().contains(number);
        return event(
                messageId,
                number,
                requestedAt,
                fails ? "TEXT_CARRIER_BLOCKED" : "TEXT_DELIVERED",
                fails ? "CARRIER_BLOCKED" : "DELIVERED",
                fails ? CARRIER_REASON : "Message has been accepted by phone");
    }

    public static String event(
            String messageId, String number, Instant requestedAt, String eventType, String status, String description) {
        return Json.createObjectBuilder()
                .add("eventType", eventType)
                .add("eventVersion", "1.0")
                .add("eventTimestamp", Instant.now().toEpochMilli())
                .add("isFinal", true)
                .add("originationPhoneNumber", ORIGINATION)
                .add("destinationPhoneNumber", number)
                .add("isInternationalSend", false)
                .add("mcc", "234")
                .add("mnc", "15")
                .add("messageId", messageId)
                .add("messageRequestTimestamp", requestedAt.toEpochMilli())
                .add("messageEncoding", "GSM")
                .add("messageType", "TRANSACTIONAL")
                .add("messageStatus", status)
                .add("messageStatusDescription", description)
                .add("totalMessageParts", 1)
                .add("totalMessagePrice", 0.0402)
                .add("totalCarrierFee", 0.0)
                .build()
                .toString();
    }
}
