package com.switchboard.coordination;

import com.switchboard.analytics.PipelineMetrics;
import com.switchboard.communication.ChunkOwnership;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.communication.DynamoFallbackChainStore;
import com.switchboard.communication.DynamoFallbackChainStore.Link;
import com.switchboard.communication.RecipientStatus;
import com.switchboard.queue.JmsDispatchQueue;
import com.switchboard.scheduling.ServerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Moves a recipient along its fallback chain (mode {@code first-success}): when an attempt fails
 * for good (provider refusal, retries spent, opt-out or suppression, a bounce receipt) or is not
 * Delivered within the communication's {@code escalateAfter}, the next channel of the chain becomes
 * a new Pending recipient and its ticket is queued. The store's claim makes this happen at most
 * once per attempt and never after the attempt was Delivered.
 */
@ApplicationScoped
public class FallbackService {
    private static final Logger LOG = Logger.getLogger(FallbackService.class.getName());

    @Inject
    PipelineMetrics metrics;

    @Inject
    DynamoFallbackChainStore chains;

    @Inject
    JmsDispatchQueue queue;

    @Inject
    JmsEscalationQueue escalations;

    @Inject
    Clock clock;

    @Inject
    ChunkOwnership ownership;

    @Inject
    ServerIdentity server;

    /**
     * Called before an attempt is marked Failed, so the next one is counted Pending first and the
     * communication does not read Failed in between.
     */
    public void beforeFailing(String communicationId, int index) {
        chains.link(communicationId, index).ifPresent(this::next);
    }

    /** Whether failing this attempt now would hand the recipient to a next channel. */
    public boolean canFallBack(String communicationId, int index) {
        return chains.link(communicationId, index)
                .filter(l -> !l.fallbacks().isEmpty() && !l.started())
                .isPresent();
    }

    /** Called when the provider accepted an attempt: with a chain and an escalateAfter, the check is scheduled. */
    public void accepted(String communicationId, int index) {
        Optional<Link> link = chains.link(communicationId, index);
        if (link.isPresent() && !link.get().fallbacks().isEmpty() && link.get().escalateAfter() != null) {
            escalations.checkLater(
                    communicationId, index, Duration.parse(link.get().escalateAfter()));
        }
    }

    /** The escalation check fires: an attempt still not Delivered (nor Failed) hands over to the next channel. */
    public void escalate(String communicationId, int index) {
        chains.link(communicationId, index)
                .filter(l -> l.status() == RecipientStatus.Sent)
                .ifPresent(l -> {
                    LOG.info(() -> "recipient " + index + " of " + communicationId + " not delivered on " + l.channel()
                            + " within " + l.escalateAfter() + ": escalating");
                    next(l);
                });
    }

    private void next(Link link) {
        if (link.fallbacks().isEmpty() || link.started()) {
            return;
        }
        String now = Instant.now(clock).toString();
        if (!chains.claim(link, now)) {
            return; // already moved on, or Delivered meanwhile: the person has it
        }
        int next = chains.append(link, now);
        ownership.adopt(link.communicationId(), next, server.id()); // its ticket goes on this server's queue
        metrics.fellBackTo(link.fallbacks().get(0).channel());
        // joins the caller's transaction when there is one (a consumer), else is sent at once
        queue.retryLater(
                new DeliveryTicket(
                        link.communicationId(), next, link.fallbacks().get(0).channel()),
                1,
                Duration.ZERO);
    }
}
