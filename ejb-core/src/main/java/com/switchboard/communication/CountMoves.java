package com.switchboard.communication;

import com.switchboard.store.RequestCoalescer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The count updates on a communication's count items ({@code DETAILS}, {@link CountItems}) that
 * arrive together, summed: every move in a batch with the same communication, count item and pair
 * of statuses becomes one ADD of their number. Communications are spread over stripes, so one busy communication does not hold up
 * another's counts. Each move gets its own outcome: the exception of its own update, or null.
 */
final class CountMoves {
    /** Enough stripes that unrelated communications seldom share a batch. */
    private static final int STRIPES = 64;

    private static final int MAX_BATCH = 100;

    /** {@code n} recipients of communication {@code id} counted on its count item {@code item} moved {@code from} → {@code to}. */
    record Move(String id, int item, RecipientStatus from, RecipientStatus to, int n) {}

    private record Key(String id, int item, RecipientStatus from, RecipientStatus to) {}

    private CountMoves() {}

    static RequestCoalescer.Striped<Move, RuntimeException> coalescer(DynamoCommunicationStore store) {
        return new RequestCoalescer.Striped<>(STRIPES, Move::id, MAX_BATCH, batch -> write(store, batch));
    }

    private static List<RuntimeException> write(DynamoCommunicationStore store, List<Move> batch) {
        Map<Key, Integer> sums = new LinkedHashMap<>();
        batch.forEach(m -> sums.merge(new Key(m.id(), m.item(), m.from(), m.to()), m.n(), Integer::sum));
        Map<Key, RuntimeException> failures = new LinkedHashMap<>();
        sums.forEach((k, n) -> {
            try {
                store.addCounts(k.id(), k.item(), k.from(), k.to(), n);
            } catch (RuntimeException e) {
                failures.put(k, e); // only the moves of this update failed; the others are counted
            }
        });
        List<RuntimeException> outcomes = new ArrayList<>(batch.size());
        batch.forEach(m -> outcomes.add(failures.get(new Key(m.id(), m.item(), m.from(), m.to()))));
        return outcomes;
    }
}
