package com.switchboard.channel;

import com.switchboard.analytics.PipelineMetrics;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.DynamoCommunicationStore.Details;
import com.switchboard.communication.DynamoCommunicationStore.StoredRecipient;
import com.switchboard.communication.DynamoProviderRefStore;
import com.switchboard.communication.RecipientStatus;
import com.switchboard.coordination.FallbackService;
import com.switchboard.coordination.timing.HoldService;
import com.switchboard.preference.DynamoSuppressionStore;
import com.switchboard.preference.Suppression;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The pipeline step every channel consumer hands over to: load a chunk of recipients of one
 * communication (one BatchGetItem, and one for their suppression entries), skip each one an
 * earlier delivery of the same ticket already settled, call the provider, record the outcome.
 * Each recipient's move is its own conditional write right after its send, so a redelivered chunk
 * never sends twice; the writes that follow a move (counts, provider references, escalations) are
 * made for several recipients at once by {@link AcceptedDeliveries}.
 * A transient failure that outlived the provider's own retries (or met an open circuit) queues
 * the ticket again with a growing delay until the attempt budget is spent, then fails the
 * recipient with the reason: nothing stays Pending.
 */
@ApplicationScoped
public class DeliveryService {
    private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());

    @Inject
    DynamoCommunicationStore store;

    @Inject
    DynamoProviderRefStore providerRefs;

    @Inject
    ChannelProviders providers;

    @Inject
    ProviderHealth health;

    @Inject
    Clock clock;

    @Inject
    DynamoSuppressionStore suppressions;

    @Inject
    @ConfigProperty(name = "delivery.max.attempts", defaultValue = "3")
    int maxAttempts;

    @Inject
    @ConfigProperty(name = "delivery.retry.delay.ms", defaultValue = "2000")
    long retryDelayMillis;

    @Inject
    JmsDispatchQueue queue;

    @Inject
    FallbackService fallbacks;

    @Inject
    HoldService holds;

    @Inject
    PipelineMetrics metrics;

    @Inject
    @ConfigProperty(name = "delivery.flush.ms", defaultValue = "100")
    long flushMillis;

    /** Delivers attempt {@code attempt} (1 for the first) of one ticket. */
    public void deliver(String communicationId, int index, int attempt) {
        deliver(communicationId, List.of(index), attempt);
    }

    /** Delivers attempt {@code attempt} of the tickets of recipients {@code indexes} of one communication. */
    public void deliver(String communicationId, List<Integer> indexes, int attempt) {
        List<StoredRecipient> pending = store.recipients(communicationId, indexes).stream()
                .filter(r -> r.status() == RecipientStatus.Pending) // others: a redelivery of tickets already settled
                .toList();
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Suppression> suppressed = new HashMap<>();
        pending.stream().collect(Collectors.groupingBy(StoredRecipient::channel,
                Collectors.mapping(StoredRecipient::address, Collectors.toSet())))
                .forEach((channel, addresses) -> suppressions.findAll(channel, addresses)
                        .forEach((address, entry) -> suppressed.put(channel + " " + address, entry)));
        Details details = store.details(communicationId)
                .orElseThrow(() -> new IllegalStateException("no communication " + communicationId));
        AcceptedDeliveries accepted = new AcceptedDeliveries(communicationId, store, providerRefs, fallbacks, flushMillis);
        try {
            for (StoredRecipient recipient : pending) {
                deliver(recipient, suppressed.get(recipient.channel() + " " + recipient.address()), details, attempt, accepted);
            }
        } finally {
            accepted.flush(); // also when a later recipient threw: every recipient moved is counted
        }
    }

    private void deliver(StoredRecipient recipient, Suppression suppressed, Details details, int attempt,
            AcceptedDeliveries accepted) {
        if (holds.holdsBack(recipient)) {
            return; // waits for the stakeholder's digest or the end of their quiet hours
        }
        if (suppressed != null) {
            // an opt-out, hard bounce or complaint: sending again would ignore the person or hurt the sender's reputation
            fail(recipient, suppressed.kind(), attempt, Instant.now(clock).toString());
            return;
        }
        String communicationId = recipient.communicationId();
        int index = recipient.index();
        Delivery delivery = new Delivery(communicationId, index, recipient.channel(), recipient.address(),
                details.rendered(), details.providerTemplate());
        ProviderResult result = call(delivery);
        metrics.providerCalled(recipient.channel(), result);
        String now = Instant.now(clock).toString();
        if (result instanceof ProviderResult.Accepted a) {
            accepted(recipient, a, usage(delivery), attempt, now, accepted);
        } else if (result instanceof ProviderResult.Permanent p) {
            fail(recipient, p.reason(), attempt, now);
        } else if (attempt < maxAttempts) {
            // 1x, 2x, 4x the base delay: long enough for an open circuit to half-open between attempts
            metrics.retried(recipient.channel());
            queue.retryLater(new DeliveryTicket(communicationId, index, recipient.channel()), attempt + 1,
                    Duration.ofMillis(retryDelayMillis << (attempt - 1)));
        } else {
            fail(recipient, "gave up after " + attempt + " deliveries: " + ((ProviderResult.Retryable) result).reason(),
                    attempt, now);
        }
    }

    private ProviderResult call(Delivery delivery) {
        ChannelProvider provider = providers.forChannel(delivery.channel())
                .orElseThrow(() -> new IllegalStateException("no provider for " + delivery.channel()));
        try {
            String id = provider.send(delivery);
            health.succeeded(delivery.channel());
            return new ProviderResult.Accepted(id);
        } catch (PermanentDeliveryException e) {
            return new ProviderResult.Permanent(e.reason());
        } catch (TransientDeliveryException e) {
            health.failed(delivery.channel(), e.reason());
            return new ProviderResult.Retryable(e.reason());
        } catch (CircuitBreakerOpenException e) {
            String reason = provider.name() + " circuit open after repeated failures";
            health.circuitOpen(delivery.channel(), reason);
            return new ProviderResult.Retryable(reason);
        } catch (FaultToleranceException e) {
            String reason = provider.name() + " unavailable: " + e.getClass().getSimpleName();
            health.failed(delivery.channel(), reason);
            return new ProviderResult.Retryable(reason);
        }
    }

    private Map<String, Long> usage(Delivery delivery) {
        return providers.forChannel(delivery.channel()).map(p -> p.usage(delivery)).orElse(Map.of());
    }

    private void accepted(StoredRecipient r, ProviderResult.Accepted a, Map<String, Long> usage, int attempts, String now,
            AcceptedDeliveries accepted) {
        if (store.transitionRecipient(r.communicationId(), r.index(), RecipientStatus.Pending, RecipientStatus.Sent,
                Map.of("providerMessageId", a.providerMessageId(), "sentAt", now), usage, attempts, now)) {
            accepted.add(r, a.providerMessageId()); // counts, provider reference, escalation check
        }
    }

    private void fail(StoredRecipient r, String reason, int attempts, String now) {
        LOG.info(() -> "recipient " + r.index() + " of " + r.communicationId() + " failed on " + r.channel() + ": "
                + LogSafe.redact(reason));
        fallbacks.beforeFailing(r.communicationId(), r.index());
        store.transition(r.communicationId(), r.index(), RecipientStatus.Pending, RecipientStatus.Failed,
                Map.of("reason", reason), attempts, now);
    }
}
