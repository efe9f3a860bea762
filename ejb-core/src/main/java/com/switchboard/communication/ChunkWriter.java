package com.switchboard.communication;

import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.str;

import com.switchboard.channel.Channel;
import com.switchboard.error.StoreUnavailableException;
import com.switchboard.store.RequestCoalescer;
import com.switchboard.store.Table;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.logging.Logger;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Writes recipient moves chunk by chunk: the moves of one chunk are one UpdateItem whose condition
 * names each moved recipient's previous status (forward only); when DynamoDB refuses it (another
 * writer moved one of them first), the chunk is read again and only the moves whose recipient is
 * still where it was are tried again. It answers the moves made, each with its
 * {@link RecipientStatusChanged} (the recipient's entry as written), for the caller to announce
 * ({@link RecipientMoves}). Single moves made at the same moment by many threads (receipts) go
 * through {@link #coalesced}: a batch of them becomes one write per chunk.
 */
final class ChunkWriter {
    private static final Logger LOG = Logger.getLogger(ChunkWriter.class.getName());
    private static final int RACE_RETRIES = 5;
    private static final int STRIPES = 64;
    private static final int MAX_BATCH = 100;

    private record Single(String id, ChunkMove move, String at) {}

    /** Moves counted together: on one count item, from one status to another. */
    private record CountedMove(int item, RecipientStatus from, RecipientStatus to) {}

    private final Supplier<DynamoDbClient> dynamo;
    private final Supplier<String> table;
    private final Counts counts;
    private final RequestCoalescer.Striped<Single, MovedRecipient> singles;

    /** Counts {@code n} moves of communication {@code id} on its count item {@code item} (one count update for all of them). */
    interface Counts {
        void moved(String id, int item, RecipientStatus from, RecipientStatus to, int n);
    }

    ChunkWriter(Supplier<DynamoDbClient> dynamo, Supplier<String> table, Counts counts, long lingerMillis) {
        this.dynamo = dynamo;
        this.table = table;
        this.counts = counts;
        this.singles = new RequestCoalescer.Striped<>(
                STRIPES,
                s -> s.id() + "#" + RecipientChunks.chunkOf(s.move().index()),
                MAX_BATCH,
                lingerMillis,
                this::writeSingles);
    }

    /**
     * The moves made of {@code moves} (any chunks of one communication), each chunk in as few writes
     * as its size allows, and counted with one count update per pair of statuses.
     */
    List<MovedRecipient> move(String id, List<ChunkMove> moves, String at) {
        Map<Integer, List<ChunkMove>> byChunk = new LinkedHashMap<>();
        moves.forEach(m -> byChunk.computeIfAbsent(RecipientChunks.chunkOf(m.index()), c -> new ArrayList<>())
                .add(m));
        List<MovedRecipient> made = new ArrayList<>(moves.size());
        byChunk.values().forEach(chunk -> made.addAll(moveChunk(id, chunk, at)));
        count(id, made);
        return made;
    }

    private void count(String id, List<MovedRecipient> made) {
        Map<CountedMove, Integer> pairs = new LinkedHashMap<>();
        made.forEach(m -> pairs.merge(
                new CountedMove(
                        CountItems.itemOfEntry(m.change().item()),
                        m.move().from(),
                        m.move().to()),
                1,
                Integer::sum));
        pairs.forEach((move, n) -> counts.moved(id, move.item(), move.from(), move.to(), n));
    }

    /**
     * One move, written (and counted) together with the moves of the same chunk that other threads
     * make at the same moment, or within the linger; null when the recipient was no longer in the
     * move's {@code from}.
     */
    MovedRecipient coalesced(String id, ChunkMove move, String at) {
        return singles.submit(new Single(id, move, at));
    }

    private List<MovedRecipient> writeSingles(List<Single> batch) {
        Map<String, List<Single>> byChunk = new LinkedHashMap<>();
        batch.forEach(s -> byChunk.computeIfAbsent(
                        s.id() + "#" + RecipientChunks.chunkOf(s.move().index()), k -> new ArrayList<>())
                .add(s));
        Map<ChunkMove, MovedRecipient> made = new IdentityHashMap<>();
        byChunk.values().forEach(group -> {
            List<ChunkMove> moves = group.stream().map(Single::move).toList();
            List<MovedRecipient> done = moveChunk(
                    group.get(0).id(), distinctByIndex(moves), group.get(0).at());
            count(group.get(0).id(), done);
            done.forEach(d -> made.put(d.move(), d));
        });
        return batch.stream().map(s -> made.get(s.move())).toList();
    }

    /** A recipient moved twice in one batch (a duplicate receipt): the first move is tried, the second loses as a late one would. */
    private static List<ChunkMove> distinctByIndex(List<ChunkMove> moves) {
        Map<Integer, ChunkMove> first = new LinkedHashMap<>();
        moves.forEach(m -> first.putIfAbsent(m.index(), m));
        return new ArrayList<>(first.values());
    }

    private List<MovedRecipient> moveChunk(String id, List<ChunkMove> moves, String at) {
        List<MovedRecipient> made = new ArrayList<>(moves.size());
        List<ChunkMove> left = moves;
        Map<String, AttributeValue> key = RecipientChunks.key(id, moves.get(0).index());
        for (int attempt = 0; attempt < RACE_RETRIES && !left.isEmpty(); attempt++) {
            List<ChunkMove> refused = new ArrayList<>();
            for (Map.Entry<List<ChunkMove>, ChunkUpdate> part : ChunkUpdate.parts(left, at)) {
                ChunkUpdate u = part.getValue();
                try {
                    Map<String, AttributeValue> chunk = dynamo.get()
                            .updateItem(b -> b.tableName(table.get())
                                    .key(key)
                                    .updateExpression(u.update)
                                    .conditionExpression(u.condition)
                                    .expressionAttributeNames(u.names)
                                    .expressionAttributeValues(u.values)
                                    .returnValues(ReturnValue.ALL_NEW))
                            .attributes();
                    for (ChunkMove m : part.getKey()) {
                        made.add(moved(id, m, RecipientChunks.entry(chunk, m.index()), at));
                    }
                    if (chunk.containsKey(Table.GSI2PK)
                            && chunk.containsKey(RecipientChunks.PENDING)
                            && num(chunk, RecipientChunks.PENDING) <= 0) {
                        released(key);
                    }
                } catch (ConditionalCheckFailedException raced) {
                    refused.addAll(part.getKey());
                }
            }
            if (refused.isEmpty()) {
                break;
            }
            Map<String, AttributeValue> chunk = dynamo.get()
                    .getItem(b -> b.tableName(table.get()).key(key).consistentRead(true))
                    .item();
            left = refused.stream()
                    .filter(m -> {
                        Map<String, AttributeValue> entry =
                                chunk == null ? null : RecipientChunks.entry(chunk, m.index());
                        return entry != null && m.from().name().equals(str(entry, "status"));
                    })
                    .toList();
        }
        return made;
    }

    /** Drops a chunk with no Pending entry left from its owner's GSI2 partition: nothing of it is left to take over. */
    private void released(Map<String, AttributeValue> key) {
        try {
            dynamo.get()
                    .updateItem(b -> b.tableName(table.get())
                            .key(key)
                            .updateExpression("REMOVE #pk, #sk")
                            .conditionExpression("#p <= :zero AND attribute_exists(#pk)")
                            .expressionAttributeNames(
                                    Map.of("#pk", Table.GSI2PK, "#sk", Table.GSI2SK, "#p", RecipientChunks.PENDING))
                            .expressionAttributeValues(Map.of(":zero", AttributeValue.fromN("0"))));
        } catch (ConditionalCheckFailedException stillPending) {
            // a fallback added a Pending entry meanwhile, or another writer released it
        } catch (SdkException | StoreUnavailableException e) {
            // the moves are made; a chunk left in GSI2 only costs a read should its owner ever be taken over
            LOG.fine(() -> "chunk " + key + " stays listed with its owner: " + e.getMessage());
        }
    }

    private static MovedRecipient moved(String id, ChunkMove m, Map<String, AttributeValue> entry, String at) {
        return new MovedRecipient(
                m,
                new RecipientStatusChanged(
                        id,
                        m.index(),
                        Channel.valueOf(str(entry, "channel")),
                        m.from(),
                        m.to(),
                        m.attributes().get("reason"),
                        at,
                        entry));
    }
}
