package com.switchboard.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ChunkUpdateTest {
    private static final String AT = "2026-12-04T10:00:00Z";

    private static ChunkMove sent(int index) {
        return new ChunkMove(
                index,
                RecipientStatus.Pending,
                RecipientStatus.Sent,
                Map.of("providerMessageId", "0100019a-" + index + "-ses-message-id-of-some-length", "sentAt", AT),
                Map.of("segments", 2L),
                1);
    }

    @Test
    void aWholeChunkOfSentMovesIsOneUpdateConditionedOnEachRecipientsPreviousStatus() {
        List<ChunkMove> moves = IntStream.range(0, RecipientChunks.SIZE)
                .mapToObj(i -> sent(100 + i))
                .toList();
        var parts = ChunkUpdate.parts(moves, AT);
        assertEquals(1, parts.size(), "25 recipients with their provider ids fit one write");
        ChunkUpdate u = parts.get(0).getValue();
        assertTrue(u.update.length() < 4096 && u.condition.length() < 4096, "inside DynamoDB's expression limit");
        for (int k = 0; k < moves.size(); k++) {
            assertEquals(Integer.toString(100 + k), u.names.get("#e" + k), "entry " + k + " is named by its index");
            assertTrue(
                    u.condition.contains("#r.#e" + k + ".#s = :Pending"), "each recipient must still be Pending: " + k);
            assertTrue(u.update.contains("#r.#e" + k + ".#s = :Sent"), "and moves to Sent: " + k);
        }
        assertEquals("status", u.names.get("#s"));
        assertEquals("Sent", u.values.get(":Sent").s(), "statuses are shared values");
    }

    @Test
    void movesTooLongForOneExpressionAreCutIntoSeveralWrites() {
        String reason = "x".repeat(200);
        List<ChunkMove> moves = IntStream.range(0, RecipientChunks.SIZE)
                .mapToObj(i -> new ChunkMove(
                        i,
                        RecipientStatus.Pending,
                        RecipientStatus.Failed,
                        Map.of("reason", reason, "a", "1", "b", "2", "c", "3", "d", "4", "e", "5"),
                        3))
                .toList();
        var parts = ChunkUpdate.parts(moves, AT);
        assertTrue(parts.size() > 1, "split");
        assertEquals(
                moves.size(), parts.stream().mapToInt(p -> p.getKey().size()).sum(), "no move is lost");
        parts.forEach(p -> assertTrue(p.getValue().update.length() <= 3500, "each part inside the limit"));
    }
}
