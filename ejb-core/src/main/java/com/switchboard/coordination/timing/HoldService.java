package com.switchboard.coordination.timing;

import com.switchboard.communication.DeliveryTiming;
import com.switchboard.communication.DynamoCommunicationStore.StoredRecipient;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Decides, when a recipient's ticket is about to be delivered, whether it goes now: a recipient
 * whose channel is Daily or Weekly is added to the stakeholder's next digest on that channel; one
 * inside the stakeholder's quiet hours waits for their end. Either way it stays {@code Pending} with
 * {@code heldFor} and {@code heldUntil}, and the ticket is consumed; {@link DueHeldService} takes
 * it on from there. Deciding at delivery judges scheduled and fanned-out sends at the time they
 * would go out.
 */
@ApplicationScoped
public class HoldService {
    private static final Logger LOG = Logger.getLogger(HoldService.class.getName());
    private static final int SLOTS_TO_TRY = 3;

    @Inject
    DynamoHeldDeliveryStore held;

    @Inject
    Clock clock;

    @Inject
    HeldBackoff backoff;

    /** True when the recipient must not be sent now (held before, or held by this call). */
    public boolean holdsBack(StoredRecipient r) {
        if (r.timing() == null || r.releasedAt() != null) {
            return false;
        }
        if (r.heldFor() != null) {
            return true; // a ticket seen again: the recipient already waits
        }
        DeliveryTiming timing = DeliveryTiming.decode(r.timing());
        Instant now = clock.instant();
        if (timing.digest()) {
            holdForDigest(r, timing, now);
            return true;
        }
        Optional<Instant> until = timing.quietUntil(now);
        if (until.isEmpty()) {
            return false;
        }
        // the entry first: a recipient marked held is always found again by the timer
        held.putQuiet(r.communicationId(), r.index(), r.channel(), until.get());
        held.markHeld(r.communicationId(), r.index(), DeliveryTiming.QUIET_HOURS, until.get());
        backoff.quiet().wake(held.quietShard(r.communicationId(), r.index())); // the next round learns when it ends
        LOG.fine(() ->
                "recipient " + r.index() + " of " + r.communicationId() + " held by quiet hours until " + until.get());
        return true;
    }

    private void holdForDigest(StoredRecipient r, DeliveryTiming timing, Instant now) {
        Instant due = timing.nextDigest(now);
        for (int slot = 0; slot < SLOTS_TO_TRY; slot++) {
            String pk = DynamoHeldDeliveryStore.digestPk(timing.stakeholderId(), r.channel(), due);
            held.putDigestItem(pk, r.communicationId(), r.index());
            if (held.putDigestHead(pk, timing.stakeholderId(), r.channel(), r.address(), timing.frequency(), due)) {
                held.markHeld(r.communicationId(), r.index(), DeliveryTiming.DIGEST, due);
                backoff.digests().wake(held.digestShard(pk));
                return;
            }
            // that digest is being sent right now: this item joins the next one
            held.deleteDigestItem(pk, r.communicationId(), r.index());
            due = timing.nextDigest(due);
        }
        throw new IllegalStateException("no digest slot for recipient " + r.index() + " of " + r.communicationId());
    }
}
