package com.switchboard.channel.whatsapp;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelProvider;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.DeliveryException;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.ProviderPolicy;
import com.switchboard.channel.TransientDeliveryException;
import com.switchboard.document.DocumentRef;
import com.switchboard.document.DocumentService;
import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.WebApplicationException;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;

/**
 * WhatsApp through the WhatsApp Business Cloud API: free-form text while the customer's 24-hour
 * customer-service window is open, the approved template of the message otherwise (and at once
 * when Graph answers 131047, re-engagement required). Returns the {@code wamid.} id that status
 * webhooks will name. A communication's documents follow the text inside the window as
 * {@code document} / {@code image} messages by a short-lived signed link; outside it they are
 * refused at accept (422), and a delivery whose window closed since fails so its fallback takes
 * it. Graph errors are sorted into transient (throttling, outages) and permanent (an
 * undeliverable or invalid number) by their code; a rejected access token opens
 * {@link AccessTokenCircuit}.
 */
@ApplicationScoped
public class CloudApiWhatsAppProvider implements ChannelProvider {
    static final int MAX_TEXT = 4096;
    static final int ACCESS_TOKEN_REJECTED = 190;
    static final int REENGAGEMENT_REQUIRED = 131047;
    static final String OUTSIDE_WINDOW =
            "outside the 24-hour customer-service window and the message has no WhatsApp template";
    static final String OUTSIDE_WINDOW_DOCUMENTS =
            "outside the 24-hour customer-service window, documents cannot go on WhatsApp (a template carries none)";
    /** Throttling: application (4), account (80007), Cloud API (130429), pair rate (131056). */
    private static final Set<Integer> RATE_LIMITS = Set.of(4, 80007, 130429, 131056);
    /** Graph's own temporary failures: unknown (1), service (2), something went wrong (131000), service unavailable (131016), server temporarily unavailable (133004). */
    private static final Set<Integer> TEMPORARY = Set.of(1, 2, 131000, 131016, 133004);

    @Inject
    WhatsAppClient client;

    @Inject
    CustomerServiceWindow window;

    @Inject
    AccessTokenCircuit tokenCircuit;

    @Inject
    DocumentService documents;

    @Inject
    PartsSent partsSent;

    @Inject
    @ConfigProperty(name = "whatsapp.api.version", defaultValue = "v21.0")
    String version;

    @Inject
    @ConfigProperty(name = "whatsapp.phone.number.id", defaultValue = "")
    String phoneNumberId;

    @Inject
    @ConfigProperty(name = "whatsapp.access.token", defaultValue = "")
    String accessToken;

    @Override
    public Channel channel() {
        return Channel.WhatsApp;
    }

    @Override
    public String name() {
        return "cloud-api";
    }

    @Override
    public boolean configured() {
        return !phoneNumberId.isBlank() && !accessToken.isBlank();
    }

    @Override
    public Optional<String> refusal(
            String address, RenderedMessage message, ProviderTemplate template, List<DocumentRef> attachments) {
        if (!attachments.isEmpty() && !window.isOpen(address)) {
            return Optional.of(OUTSIDE_WINDOW_DOCUMENTS);
        }
        return refusal(address, message, template);
    }

    @Override
    public Optional<String> refusal(String address, RenderedMessage message, ProviderTemplate template) {
        if (message.text() != null && message.text().length() > MAX_TEXT) {
            return Optional.of("WhatsApp text is limited to " + MAX_TEXT + " characters; this message has "
                    + message.text().length());
        }
        if (template == null && !window.isOpen(address)) {
            return Optional.of(OUTSIDE_WINDOW);
        }
        return Optional.empty();
    }

    @Override
    @Retry(
            maxRetries = ProviderPolicy.REMOTE_RETRIES,
            delay = ProviderPolicy.REMOTE_RETRY_DELAY_MS,
            jitter = ProviderPolicy.REMOTE_RETRY_JITTER_MS,
            retryOn = TransientDeliveryException.class,
            abortOn = {PermanentDeliveryException.class, AccessTokenRejectedException.class})
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
        tokenCircuit.ensureClosed();
        try {
            String wamid = window.isOpen(delivery.address()) ? sendText(delivery) : sendTemplate(delivery);
            tokenCircuit.close();
            return wamid;
        } catch (RuntimeException e) {
            DeliveryException failure = classify(e);
            if (failure instanceof AccessTokenRejectedException) {
                tokenCircuit.open(failure.reason());
            }
            throw failure;
        }
    }

    /**
     * The text, then one message per attachment by a short-lived signed link; the text's wamid is
     * the delivery's (each message echoes the delivery id, so every status finds the recipient).
     * A retry after a document failed resumes after the parts already out ({@link PartsSent}).
     */
    private String sendText(Delivery d) {
        PartsSent.Progress progress = partsSent.of(d.deliveryId()).orElse(null);
        try {
            String wamid = progress != null
                    ? progress.wamid()
                    : post(SendMessageRequest.text(d.address(), d.message().text(), d.deliveryId()));
            if (d.attachments().isEmpty()) {
                return wamid;
            }
            int from = progress == null ? 0 : progress.documents();
            partsSent.record(d.deliveryId(), wamid, from);
            for (int i = from; i < d.attachments().size(); i++) {
                DocumentRef ref = d.attachments().get(i);
                post(SendMessageRequest.media(
                        d.address(), ref.image(), documents.link(ref), ref.filename(), d.deliveryId()));
                partsSent.record(d.deliveryId(), wamid, i + 1);
            }
            partsSent.done(d.deliveryId());
            return wamid;
        } catch (GraphApiException e) {
            if (e.code() == REENGAGEMENT_REQUIRED
                    && d.template() != null
                    && d.attachments().isEmpty()) {
                // Graph knows the window closed (our record of the customer's last message was stale): the template may
                // go
                return post(SendMessageRequest.template(d.address(), d.template(), d.deliveryId()));
            }
            throw e;
        }
    }

    private String sendTemplate(Delivery d) {
        if (d.template() == null) {
            // the window closed between the send (which checked it) and this delivery
            throw new PermanentDeliveryException(OUTSIDE_WINDOW, null);
        }
        if (!d.attachments().isEmpty()) {
            // a template without its documents would tell the customer less than was sent: fail, so a fallback takes it
            throw new PermanentDeliveryException(OUTSIDE_WINDOW_DOCUMENTS, null);
        }
        return post(SendMessageRequest.template(d.address(), d.template(), d.deliveryId()));
    }

    private String post(SendMessageRequest request) {
        // no id means we cannot match receipts, but the message may be out: failing it beats sending twice
        return client.send(version, phoneNumberId, request)
                .messageId()
                .orElseThrow(() ->
                        new PermanentDeliveryException("WhatsApp accepted the message without a message id", null));
    }

    @Override
    public void prepare(List<Delivery> deliveries) {
        window.readAhead(deliveries.stream().map(Delivery::address).distinct().toList());
    }

    @Override
    public boolean receiptsNameTheRecipient() {
        return true; // every status echoes biz_opaque_callback_data, our delivery id
    }

    @Override
    public DeliveryException classify(Exception failure) {
        if (failure instanceof DeliveryException known) {
            return known;
        }
        if (failure instanceof GraphApiException graph) {
            return classifyGraph(graph);
        }
        if (failure instanceof WebApplicationException web) {
            int status = web.getResponse() == null ? 500 : web.getResponse().getStatus();
            return classifyGraph(new GraphApiException(status, 0, 0, null, "HTTP " + status, null));
        }
        if (failure instanceof ProcessingException) {
            return new TransientDeliveryException(
                    "WhatsApp API unreachable or timed out: " + rootMessage(failure), failure);
        }
        return new TransientDeliveryException("WhatsApp delivery failed: " + rootMessage(failure), failure);
    }

    private static DeliveryException classifyGraph(GraphApiException e) {
        String reason = e.describe();
        if (e.code() == ACCESS_TOKEN_REJECTED || e.httpStatus() == 401) {
            return new AccessTokenRejectedException("WhatsApp access token rejected: " + reason, e);
        }
        if (RATE_LIMITS.contains(e.code()) || e.httpStatus() == 429) {
            return new TransientDeliveryException("WhatsApp rate limit: " + reason, e);
        }
        if (TEMPORARY.contains(e.code()) || e.httpStatus() >= 500) {
            return new TransientDeliveryException(reason, e);
        }
        if (e.code() == REENGAGEMENT_REQUIRED) {
            return new PermanentDeliveryException(OUTSIDE_WINDOW + " (" + reason + ")", e);
        }
        // 131026 undeliverable, 131030 not an allowed recipient, 100 invalid parameter, template errors...
        return new PermanentDeliveryException(reason, e);
    }

    private static String rootMessage(Throwable failure) {
        Throwable t = failure;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getClass().getSimpleName() + (t.getMessage() == null ? "" : ": " + t.getMessage());
    }
}
