package com.switchboard.rest.webhook;

import com.switchboard.tracking.Receipt;
import com.switchboard.tracking.ReceiptService;
import com.switchboard.tracking.RecentNotifications;
import com.switchboard.tracking.sns.SnsMessage;
import com.switchboard.tracking.sns.SnsMessageVerifier;
import com.switchboard.tracking.sns.SnsSubscriptionConfirmer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.Response;
import java.time.Duration;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What every SNS-fed webhook does with a raw body: verify it (a failure becomes 403 through
 * {@code SnsVerificationMapper}), confirm a subscription to an allow-listed topic, ignore an
 * unsubscribe confirmation, and hand a notification's {@code Message} to the receipts, once per
 * MessageId on this server within the replay window ({@link RecentNotifications}). A verified
 * message we cannot read or cannot match is answered 200 so SNS does not retry it forever.
 */
@ApplicationScoped
public class SnsWebhookReceiver {
    private static final Logger LOG = Logger.getLogger(SnsWebhookReceiver.class.getName());

    @Inject
    SnsMessageVerifier verifier;

    @Inject
    SnsSubscriptionConfirmer confirmer;

    @Inject
    ReceiptService receipts;

    @Inject
    RecentNotifications recent;

    /** A message older than this is refused by the verifier; within it, one MessageId is applied once. */
    @Inject
    @ConfigProperty(name = "sns.max.message.age.seconds", defaultValue = "3600")
    long maxAgeSeconds;

    public Response receive(String body, Function<String, Optional<Receipt>> parser) {
        return receive(body, (messageId, message) -> {
            Optional<Receipt> receipt = parser.apply(message);
            if (receipt.isPresent()) {
                receipts.record(receipt.get());
            } else {
                LOG.info(() -> "SNS message " + messageId + " is no receipt we read; ignored");
            }
        });
    }

    /** As above, with {@code handler} given each new notification's MessageId and {@code Message}. */
    public Response receive(String body, BiConsumer<String, String> handler) {
        SnsMessage m = verifier.verify(body);
        switch (m.type()) {
            case SnsMessage.SUBSCRIPTION_CONFIRMATION:
                confirmer.confirm(m);
                break;
            case SnsMessage.NOTIFICATION:
                // a repeat (SNS's own retry of a message we answered, or a replay) is answered and ignored
                recent.once(
                        "sns",
                        m.messageId(),
                        Duration.ofSeconds(maxAgeSeconds),
                        () -> handler.accept(m.messageId(), m.message()));
                break;
            default: // UnsubscribeConfirmation: nothing to do, we never unsubscribe ourselves
                break;
        }
        return Response.ok().build();
    }
}
