package com.switchboard.channel.sms;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelProvider;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.DeliveryException;
import com.switchboard.channel.LogSafe;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.ProviderPolicy;
import com.switchboard.channel.SmsSegments;
import com.switchboard.channel.TransientDeliveryException;
import com.switchboard.document.DocumentRef;
import com.switchboard.document.DocumentService;
import com.switchboard.preference.DynamoSuppressionStore;
import com.switchboard.preference.Suppression;
import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.model.InternalErrorException;
import software.amazon.awssdk.services.sns.model.KmsThrottlingException;
import software.amazon.awssdk.services.sns.model.MessageAttributeValue;
import software.amazon.awssdk.services.sns.model.OptedOutException;

/**
 * SMS through Amazon SNS {@code Publish} to a phone number, as a transactional message with our
 * sender id and origination number when configured. Numbers on our suppression list are never
 * sent to; SNS's own opted-out answer ends the same way. The SNS message id is returned so the
 * delivery receipts can find the recipient, and the number of parts is recorded as
 * {@code segments}. A communication's documents go as short-lived signed links at the end of the
 * text ({@code documents.link.hours}), counted in its parts.
 */
@ApplicationScoped
public class SnsSmsProvider implements ChannelProvider {
    /** The reason a recipient fails with when the number opted out. */
    static final String OPTED_OUT = Suppression.OPTED_OUT;

    static final int MAX_SEGMENTS = 10;

    private static final Logger LOG = Logger.getLogger(SnsSmsProvider.class.getName());

    @Inject
    SnsClient sns;

    @Inject
    DynamoSuppressionStore suppressions;

    @Inject
    Clock clock;

    @Inject
    DocumentService documents;

    @Inject
    @ConfigProperty(name = "sns.region", defaultValue = "eu-west-1")
    String region;

    @Inject
    @ConfigProperty(name = "sns.sender.id")
    Optional<String> senderId;

    @Inject
    @ConfigProperty(name = "sns.origination.number")
    Optional<String> originationNumber;

    @Override
    public Channel channel() {
        return Channel.SMS;
    }

    @Override
    public String name() {
        return "sns";
    }

    @Override
    public boolean configured() {
        return !region.isBlank();
    }

    @Override
    @Retry(
            maxRetries = ProviderPolicy.REMOTE_RETRIES,
            delay = ProviderPolicy.REMOTE_RETRY_DELAY_MS,
            jitter = ProviderPolicy.REMOTE_RETRY_JITTER_MS,
            retryOn = TransientDeliveryException.class,
            abortOn = PermanentDeliveryException.class)
    @Timeout(ProviderPolicy.REMOTE_TIMEOUT_MS)
    @CircuitBreaker(
            requestVolumeThreshold = ProviderPolicy.CIRCUIT_VOLUME,
            failureRatio = ProviderPolicy.CIRCUIT_FAILURE_RATIO,
            delay = ProviderPolicy.CIRCUIT_DELAY_MS,
            successThreshold = ProviderPolicy.CIRCUIT_SUCCESSES,
            failOn = TransientDeliveryException.class,
            skipOn = PermanentDeliveryException.class)
    @Bulkhead(ProviderPolicy.REMOTE_CONCURRENCY)
    public String send(Delivery delivery) {
        try {
            return sns.publish(b -> b.phoneNumber(delivery.address())
                            .message(text(delivery.message(), delivery.attachments()))
                            .messageAttributes(attributes()))
                    .messageId();
        } catch (SdkException e) {
            DeliveryException failure = classify(e);
            if (OPTED_OUT.equals(failure.reason())) {
                rememberOptOut(delivery.address(), e);
            }
            throw failure;
        }
    }

    /**
     * SNS keeps its own opt-out list (a STOP reply to the origination number); copying the number to
     * ours stops later sends before they reach SNS and shows the opt-out where a CSR looks.
     */
    private void rememberOptOut(String number, SdkException answer) {
        try {
            suppressions.suppress(new Suppression(
                    Channel.SMS,
                    number,
                    Suppression.OPTED_OUT,
                    "SNS answered opted out: " + answer.getMessage(),
                    Instant.now(clock).toString()));
        } catch (RuntimeException e) {
            // the recipient still fails opted-out; the next send asks SNS again and learns it then
            LOG.warning(() -> "could not add " + LogSafe.redact(number) + " to the SMS suppression list: " + e);
        }
    }

    private Map<String, MessageAttributeValue> attributes() {
        Map<String, MessageAttributeValue> attributes = new LinkedHashMap<>();
        // Transactional: delivered for reliability (OTPs, service notices), not cost, and not held back as promotional
        attributes.put("AWS.SNS.SMS.SMSType", string("Transactional"));
        senderId.filter(s -> !s.isBlank()).ifPresent(s -> attributes.put("AWS.SNS.SMS.SenderID", string(s)));
        originationNumber
                .filter(s -> !s.isBlank())
                .ifPresent(s -> attributes.put("AWS.MM.SMS.OriginationNumber", string(s)));
        return attributes;
    }

    private static MessageAttributeValue string(String value) {
        return MessageAttributeValue.builder()
                .dataType("String")
                .stringValue(value)
                .build();
    }

    /**
     * What is published: the text, then one short-lived signed link per attachment on a line of its
     * own ({@code <filename>: <link>}). Parts are counted on this text.
     */
    private String text(RenderedMessage message, List<DocumentRef> attachments) {
        StringBuilder text = new StringBuilder(message.text() == null ? "" : message.text());
        for (DocumentRef ref : attachments) {
            text.append('\n').append(ref.filename()).append(": ").append(documents.link(ref));
        }
        return text.toString();
    }

    @Override
    public long billedUnits(Delivery delivery) {
        return SmsSegments.count(text(delivery.message(), delivery.attachments()));
    }

    @Override
    public Map<String, Long> usage(Delivery delivery) {
        return Map.of("segments", (long) SmsSegments.count(text(delivery.message(), delivery.attachments())));
    }

    @Override
    public Optional<String> refusal(String address, RenderedMessage message, ProviderTemplate template) {
        return refusal(address, message, template, List.of());
    }

    @Override
    public Optional<String> refusal(
            String address, RenderedMessage message, ProviderTemplate template, List<DocumentRef> attachments) {
        String text = text(message, attachments); // a link has the same length whenever it is signed
        int segments = SmsSegments.count(text);
        if (segments <= MAX_SEGMENTS) {
            return Optional.empty();
        }
        SmsSegments.Encoding encoding = SmsSegments.encoding(text);
        return Optional.of("the SMS text needs " + segments + " parts; at most " + MAX_SEGMENTS + " are sent ("
                + MAX_SEGMENTS * encoding.perPart() + " characters in " + encoding + ")");
    }

    @Override
    public DeliveryException classify(Exception failure) {
        if (failure instanceof DeliveryException known) {
            return known;
        }
        if (failure instanceof AwsServiceException aws) {
            String code =
                    aws.awsErrorDetails() == null ? null : aws.awsErrorDetails().errorCode();
            String message = aws.awsErrorDetails() == null
                    ? aws.getMessage()
                    : aws.awsErrorDetails().errorMessage();
            String reason = reason(aws.statusCode(), code, message);
            if (aws instanceof OptedOutException || optedOut(code, message)) {
                return new PermanentDeliveryException(OPTED_OUT, aws);
            }
            if (aws.isThrottlingException()
                    || aws instanceof KmsThrottlingException
                    || aws instanceof InternalErrorException
                    || aws.statusCode() >= 500) {
                return new TransientDeliveryException(reason, aws);
            }
            return new PermanentDeliveryException(reason, aws);
        }
        // no answer from SNS at all: connection refused or reset, timeouts
        return new TransientDeliveryException("SNS unreachable: " + rootMessage(failure), failure);
    }

    /** What a CSR reads: a sentence, then the provider's status and code to quote to support. */
    static String reason(int status, String code, String message) {
        String what = status >= 500 || status == 429 ? "SNS could not take the message" : "SNS refused the message";
        String why = message == null || message.isBlank() || "null".equals(message) ? "no reason given" : message;
        return what + ": " + why + " (HTTP " + status + (code == null || code.isBlank() ? "" : ", " + code) + ")";
    }

    private static boolean optedOut(String code, String message) {
        String text = ((code == null ? "" : code) + " " + (message == null ? "" : message)).toLowerCase(Locale.ROOT);
        return text.contains("optedout") || text.contains("opted out") || text.contains("opted-out");
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
