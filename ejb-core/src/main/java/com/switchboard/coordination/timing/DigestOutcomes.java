package com.switchboard.coordination.timing;

import static com.switchboard.store.Items.str;

import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.RecipientMoves;
import com.switchboard.communication.RecipientStatus;
import com.switchboard.communication.RecipientStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;

/**
 * Copies the outcome of a digest message to the recipients it carried: when the digest's recipient
 * becomes Sent, Delivered or Failed, each held original moves there too (from wherever it is, never
 * backwards), with {@code digestCommunicationId} and the time or reason, so tracking shows every
 * original finished.
 */
@ApplicationScoped
public class DigestOutcomes {
    private static final String[] COPIED = {"sentAt", "deliveredAt", "reason"};

    @Inject
    DynamoHeldDeliveryStore held;

    @Inject
    DynamoCommunicationStore communications;

    @Inject
    RecipientMoves moves;

    @Inject
    Clock clock;

    void onMove(@Observes RecipientStatusChanged move) {
        if (!DigestService.RULE.equals(str(move.item(), "rule"))) {
            return;
        }
        Map<String, String> attributes = new HashMap<>();
        attributes.put("digestCommunicationId", move.communicationId());
        for (String name : COPIED) {
            String value = str(move.item(), name);
            if (value != null) {
                attributes.put(name, value);
            }
        }
        String now = clock.instant().toString();
        for (String original : held.originals(move.communicationId())) {
            int hash = original.lastIndexOf('#');
            String id = original.substring(0, hash);
            int index = Integer.parseInt(original.substring(hash + 1));
            communications
                    .recipient(id, index)
                    .filter(r -> !r.status().isTerminal()
                            && r.status() != move.status()
                            && (move.status().isTerminal() || r.status() == RecipientStatus.Pending))
                    .ifPresent(r ->
                            moves.transition(id, index, r.status(), move.status(), attributes, r.attempts() + 1, now));
        }
    }
}
