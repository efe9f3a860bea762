package com.switchboard.communication;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;

/**
 * The one way the pipeline (deliveries, receipts, fallbacks, digests, cancels) moves recipients:
 * the store writes the moves, then each move made fires
 * {@link RecipientStatusChanged} on the calling thread (the analytics count it), exactly once, never for a move that lost
 * its race. The store itself fires nothing, so a write is never half an announcement.
 */
@ApplicationScoped
public class RecipientMoves {

    @Inject
    DynamoCommunicationStore store;

    @Inject
    Event<RecipientStatusChanged> statusChanged;

    /** The moves made of {@code moves} (any chunks of one communication), each chunk in one conditional write. */
    public List<ChunkMove> moveAll(String id, List<ChunkMove> moves, String at) {
        return store.moveAll(id, moves, at).stream().map(this::announced).toList();
    }

    /**
     * Moves a recipient from {@code from} to {@code to}, setting the given attributes and the number
     * of provider attempts made (null leaves it as it is); false when it was no longer in {@code from}.
     */
    public boolean transition(
            String id,
            int index,
            RecipientStatus from,
            RecipientStatus to,
            Map<String, String> attributes,
            Integer attempts,
            String at) {
        return !moveAll(id, List.of(new ChunkMove(index, from, to, attributes, Map.of(), attempts)), at)
                .isEmpty();
    }

    /**
     * A move many threads make at once (receipts), written with the moves of the same chunk made at
     * the same moment; false when the recipient was no longer in the move's {@code from}.
     */
    public boolean moveCoalesced(String id, ChunkMove move, String at) {
        MovedRecipient moved = store.moveCoalesced(id, move, at);
        if (moved == null) {
            return false;
        }
        announced(moved);
        return true;
    }

    private ChunkMove announced(MovedRecipient moved) {
        RecipientStatusChanged change = moved.change();
        statusChanged.fire(change);
        return moved.move();
    }
}
