package com.switchboard.delivery;

import com.switchboard.analytics.PipelineMetrics;
import com.switchboard.channel.ChannelCatalog;
import com.switchboard.channel.ChannelProvider;
import com.switchboard.channel.ChannelProviders;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.LogSafe;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.ProviderHealth;
import com.switchboard.channel.ProviderResult;
import com.switchboard.channel.TransientDeliveryException;
import com.switchboard.communication.ChunkMove;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.DynamoCommunicationStore.Details;
import com.switchboard.communication.DynamoCommunicationStore.StoredRecipient;
import com.switchboard.communication.DynamoProviderRefStore;
import com.switchboard.communication.RecipientMoves;
import com.switchboard.communication.RecipientStatus;
import com.switchboard.conversation.ConversationService;
import com.switchboard.conversation.DynamoConversationStore;
import com.switchboard.coordination.FallbackService;
import com.switchboard.coordination.timing.HoldService;
import com.switchboard.limits.ChannelBudgets;
import com.switchboard.preference.DynamoSuppressionStore;
import com.switchboard.preference.Suppression;
import com.switchboard.queue.JmsDispatchQueue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Provider;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * The pipeline step every channel consumer hands over to: load a chunk of recipients of one
 * communication (one BatchGetItem, and one for their suppression entries), skip each one an
 * earlier delivery of the same ticket already settled, call the provider, record the outcome.
 * The accepted recipients of a chunk move to Sent together ({@link AcceptedDeliveries}, with the
 * counts, provider references and escalations), in one conditional write per recipient chunk made
 * when the chunk ends, or sooner when it takes long ({@code delivery.flush.ms} where receipts need
 * a provider reference, {@code delivery.flush.max.ms} otherwise); until then {@link ProviderAcceptances}
 * remembers each acceptance, so a redelivered ticket records it instead of sending again. Failures
 * are written one by one, after the fallback chain had its say.
 * A transient failure that outlived the provider's own retries queues the ticket again with a
 * growing delay until the attempt budget is spent, then fails the recipient with the reason:
 * nothing stays Pending. A call refused by an open circuit never reached the provider, so it
 * spends no attempt: the recipient falls back at once where a chain is configured, else its ticket
 * waits for the circuit (the provider's breaker delay, a quarter more at most) for up to
 * {@code delivery.circuit.max.wait.ms} in all, then fails with the reason. An outage of a minute
 * thus delays messages instead of failing them. A channel whose daily budget is spent
 * ({@link ChannelBudgets}) fails its deliveries at once, without a provider call, so they fall back.
 */
@ApplicationScoped
public class DeliveryService {
    private static final Logger LOG = Logger.getLogger(DeliveryService.class.getName());

    @Inject
    DynamoCommunicationStore store;

    @Inject
    RecipientMoves moves;

    @Inject
    DynamoProviderRefStore providerRefs;

    @Inject
    DynamoConversationStore conversations;

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

    @Inject
    @ConfigProperty(name = "delivery.flush.max.ms", defaultValue = "1000")
    long flushMaxMillis;

    @Inject
    ChannelCatalog catalog;

    @Inject
    ProviderAcceptances acceptances;

    @Inject
    ChannelBudgets budgets;

    /** Read at each use: operators may shorten or lengthen the wait during an outage without a restart. */
    @Inject
    @ConfigProperty(name = "delivery.circuit.max.wait.ms", defaultValue = "3600000")
    Provider<Long> circuitMaxWaitMillis;

    /**
     * Delivers attempt {@code attempt} (1 for the first) of the tickets of recipients {@code indexes}
     * of one communication, queued at {@code queuedAt} (the same in every redelivery of the
     * message); {@code waitingSince} is when they first met an open circuit, or null.
     */
    public void deliver(
            String communicationId, List<Integer> indexes, int attempt, Instant waitingSince, Instant queuedAt) {
        List<StoredRecipient> pending = store.recipients(communicationId, indexes).stream()
                .filter(r -> r.status() == RecipientStatus.Pending) // others: a redelivery of tickets already settled
                .toList();
        if (pending.isEmpty()) {
            return;
        }
        Map<String, Suppression> suppressed = new HashMap<>();
        pending.stream()
                .collect(Collectors.groupingBy(
                        StoredRecipient::channel, Collectors.mapping(StoredRecipient::address, Collectors.toSet())))
                .forEach((channel, addresses) -> suppressions
                        .findAll(channel, addresses)
                        .forEach((address, entry) -> suppressed.put(channel + " " + address, entry)));
        Details details = store.details(communicationId)
                .orElseThrow(() -> new IllegalStateException("no communication " + communicationId));
        AcceptedDeliveries accepted = new AcceptedDeliveries(
                communicationId,
                // a CSR's reply is in its thread already
                ConversationService.isReply(details.correlationId())
                        ? null
                        : details.rendered().text(),
                moves,
                conversations,
                providerRefs,
                fallbacks,
                acceptances,
                clock,
                channel -> providers
                        .forChannel(channel)
                        .map(p -> !p.receiptsNameTheRecipient())
                        .orElse(true),
                flushMillis,
                flushMaxMillis);
        List<DeliveryTicket> waiting = new ArrayList<>();
        try {
            List<StoredRecipient> sendable = new ArrayList<>(pending.size());
            for (StoredRecipient recipient : pending) {
                Suppression entry = suppressed.get(recipient.channel() + " " + recipient.address());
                // a marketing unsubscribe stops marketing only: service messages still go
                if (sendable(recipient, entry != null && entry.blocks(details.marketing()) ? entry : null, attempt)) {
                    sendable.add(recipient);
                }
            }
            prepare(sendable, details, queuedAt);
            for (StoredRecipient recipient : sendable) {
                ProviderResult result = deliver(recipient, details, attempt, queuedAt, accepted);
                if (result instanceof ProviderResult.CircuitOpen open
                        && !fellBackOrGaveUp(recipient, open, attempt, waitingSince)) {
                    metrics.retried(recipient.channel());
                    waiting.add(new DeliveryTicket(communicationId, recipient.index(), recipient.channel()));
                }
            }
        } finally {
            accepted.flush(); // also when a later recipient threw: every recipient moved is counted
        }
        if (!waiting.isEmpty()) {
            // the breaker's delay, when it half-opens; jitter spreads a large backlog over the half-open window
            long delay = providers
                    .forChannel(waiting.get(0).channel())
                    .map(catalog::breakerDelay)
                    .orElse(Duration.ofSeconds(10))
                    .toMillis();
            queue.waitForCircuit(
                    waiting,
                    attempt,
                    waitingSince != null ? waitingSince : Instant.now(),
                    Duration.ofMillis(delay + ThreadLocalRandom.current().nextLong(delay / 4 + 1)));
        }
    }

    /**
     * Lets each provider read what its sends will look up, or write what they will write, for the
     * whole chunk at once ({@link ChannelProvider#prepare}); not for a delivery this server is
     * already sending or has accepted, which its sends will skip.
     */
    private void prepare(List<StoredRecipient> sendable, Details details, Instant queuedAt) {
        sendable.stream()
                .filter(r -> acceptances.unknown(Delivery.deliveryId(r.communicationId(), r.index())))
                .collect(Collectors.groupingBy(StoredRecipient::channel))
                .forEach((channel, recipients) -> providers.forChannel(channel).ifPresent(p -> {
                    try {
                        p.prepare(recipients.stream()
                                .map(r -> new Delivery(
                                        r.communicationId(),
                                        r.index(),
                                        r.channel(),
                                        r.address(),
                                        details.rendered(),
                                        details.providerTemplate(),
                                        queuedAt,
                                        details.marketing(),
                                        details.attachments()))
                                .toList());
                    } catch (RuntimeException e) {
                        LOG.fine(() -> "no look-ahead for " + channel + ": " + e); // each send looks up what it needs
                    }
                }));
    }

    /** A recipient whose call met an open circuit: falls back, or fails once it waited too long. */
    private boolean fellBackOrGaveUp(
            StoredRecipient r, ProviderResult.CircuitOpen open, int attempt, Instant waitingSince) {
        Duration maxWait = Duration.ofMillis(circuitMaxWaitMillis.get());
        boolean tooLong = waitingSince != null
                && Duration.between(waitingSince, Instant.now()).compareTo(maxWait) >= 0; // wall clock: a real wait
        // only tickets that had no fallback to take wait, so the chain is looked up on the first refusal only
        if (tooLong || waitingSince == null && fallbacks.canFallBack(r.communicationId(), r.index())) {
            fail(
                    r,
                    tooLong ? open.reason() + ", waited longer than " + maxWait : open.reason(),
                    attempt,
                    Instant.now(clock).toString());
            return true;
        }
        return false;
    }

    /** False when the recipient is held back or suppressed (then failed): it is not sent now. */
    private boolean sendable(StoredRecipient recipient, Suppression suppressed, int attempt) {
        if (holds.holdsBack(recipient)) {
            return false; // waits for the stakeholder's digest or the end of their quiet hours
        }
        if (suppressed != null) {
            // an opt-out, hard bounce or complaint: sending again would ignore the person or hurt the sender's
            // reputation
            fail(recipient, suppressed.kind(), attempt, Instant.now(clock).toString());
            return false;
        }
        return true;
    }

    /** Delivers one recipient; answers the provider's result, or null when nothing was tried. */
    private ProviderResult deliver(
            StoredRecipient recipient, Details details, int attempt, Instant queuedAt, AcceptedDeliveries accepted) {
        String communicationId = recipient.communicationId();
        int index = recipient.index();
        Delivery delivery = new Delivery(
                communicationId,
                index,
                recipient.channel(),
                recipient.address(),
                details.rendered(),
                details.providerTemplate(),
                queuedAt,
                details.marketing(),
                details.attachments());
        String deliveryId = delivery.deliveryId();
        ProviderAcceptances.Go go = acceptances.begin(deliveryId);
        if (go == ProviderAcceptances.Go.SKIP) {
            return null; // another ticket is sending it, or it settled since this chunk was read
        }
        try {
            String earlier =
                    go == ProviderAcceptances.Go.RECORD_EARLIER ? acceptances.earlierAcceptance(deliveryId) : null;
            ProviderResult result = earlier != null ? new ProviderResult.Accepted(earlier) : budgetedCall(delivery);
            settle(recipient, delivery, result, attempt, accepted);
            return result;
        } finally {
            acceptances.end(deliveryId);
        }
    }

    private void settle(
            StoredRecipient recipient,
            Delivery delivery,
            ProviderResult result,
            int attempt,
            AcceptedDeliveries accepted) {
        String now = Instant.now(clock).toString();
        if (result instanceof ProviderResult.Accepted a) {
            acceptances.accepted(delivery.deliveryId(), a.providerMessageId()); // kept until the Sent write is made
            accepted.add(
                    recipient,
                    delivery.deliveryId(),
                    a.providerMessageId(),
                    new ChunkMove(
                            recipient.index(),
                            RecipientStatus.Pending,
                            RecipientStatus.Sent,
                            Map.of("providerMessageId", a.providerMessageId(), "sentAt", now),
                            usage(delivery),
                            attempt));
        } else if (result instanceof ProviderResult.Permanent p) {
            fail(recipient, p.reason(), attempt, now);
        } else if (result instanceof ProviderResult.Retryable r && attempt < maxAttempts) {
            // 1x, 2x, 4x the base delay
            metrics.retried(recipient.channel());
            queue.retryLater(
                    new DeliveryTicket(delivery.communicationId(), delivery.recipientIndex(), recipient.channel()),
                    attempt + 1,
                    Duration.ofMillis(retryDelayMillis << (attempt - 1)));
        } else if (result instanceof ProviderResult.Retryable r) {
            fail(recipient, "gave up after " + attempt + " deliveries: " + r.reason(), attempt, now);
        }
        // CircuitOpen: not tried; the caller falls back or queues the chunk's refused tickets together
    }

    /** The provider's answer, unless the channel's daily budget is spent: then a permanent refusal without a call. */
    private ProviderResult budgetedCall(Delivery delivery) {
        ChannelProvider provider = providers
                .forChannel(delivery.channel())
                .orElseThrow(() -> new IllegalStateException("no provider for " + delivery.channel()));
        long units = provider.billedUnits(delivery);
        Optional<String> refused = budgets.take(delivery.channel(), units);
        if (refused.isPresent()) {
            return new ProviderResult.Permanent(refused.get());
        }
        ProviderResult result = call(provider, delivery);
        metrics.providerCalled(delivery.channel(), result);
        if (!(result instanceof ProviderResult.Accepted)) {
            budgets.giveBack(delivery.channel(), units);
        }
        return result;
    }

    private ProviderResult call(ChannelProvider provider, Delivery delivery) {
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
            return new ProviderResult.CircuitOpen(reason);
        } catch (FaultToleranceException e) {
            String reason = provider.name() + " unavailable: " + e.getClass().getSimpleName();
            health.failed(delivery.channel(), reason);
            return new ProviderResult.Retryable(reason);
        }
    }

    private Map<String, Long> usage(Delivery delivery) {
        return providers
                .forChannel(delivery.channel())
                .map(p -> p.usage(delivery))
                .orElse(Map.of());
    }

    private void fail(StoredRecipient r, String reason, int attempts, String now) {
        LOG.info(() -> "recipient " + r.index() + " of " + r.communicationId() + " failed on " + r.channel() + ": "
                + LogSafe.redact(reason));
        fallbacks.beforeFailing(r.communicationId(), r.index());
        moves.transition(
                r.communicationId(),
                r.index(),
                RecipientStatus.Pending,
                RecipientStatus.Failed,
                Map.of("reason", reason),
                attempts,
                now);
    }
}
