package com.switchboard.communication;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.channel.Channel;
import com.switchboard.store.Keys;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Which server's queue holds the tickets of a recipient chunk. A chunk's {@code owner} (with GSI2
 * keys {@code OWNER#<server>#<shard>} / {@code <id>#CHUNK#<n>}, keys only) is the server that queued its
 * tickets: set when the chunk is written by a server that queues at once, by {@link #claim} when a
 * scheduled send is dispatched, and dropped from GSI2 once no entry is Pending. An entry whose
 * ticket went to another server (a fallback, a quiet-hours release) names that server itself
 * ({@link #adopt}), which then also keeps a marker {@code OWNER#<n>#<server>} in GSI2, so a server
 * that is gone is found to own it. {@link #takeOver} moves a gone server's Pending entries to the
 * caller, once: the write is conditioned on the gone server still owning each of them.
 */
@ApplicationScoped
public class ChunkOwnership {
    private static final String MARKER_PREFIX = "OWNER#";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    /** A chunk's key as GSI2 lists it: the chunk itself or a marker of an entry owned apart. */
    public record Owned(String communicationId, int chunk) {}

    /** A Pending recipient moved to the caller by {@link #takeOver}, whose ticket it must queue. */
    public record Taken(String communicationId, int index, Channel channel) {}

    /** Makes {@code server} the owner of the chunks holding {@code indexes}: it is about to queue their tickets. */
    public void claim(String communicationId, Collection<Integer> indexes, String server) {
        Set<String> chunks = new LinkedHashSet<>();
        indexes.forEach(i -> chunks.add(RecipientChunks.sk(i)));
        for (String sk : chunks) {
            Map<String, AttributeValue> owner = RecipientChunks.ownerAttributes(communicationId, sk, server);
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(DynamoCommunicationStore.pk(communicationId), sk))
                    .updateExpression("SET #o = :o, #pk = :pk, #sk = :sk")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeNames(
                            Map.of("#o", RecipientChunks.OWNER, "#pk", Table.GSI2PK, "#sk", Table.GSI2SK))
                    .expressionAttributeValues(Map.of(
                            ":o",
                            owner.get(RecipientChunks.OWNER),
                            ":pk",
                            owner.get(Table.GSI2PK),
                            ":sk",
                            owner.get(Table.GSI2SK))));
        }
    }

    /** Recipient {@code index}'s ticket is now on {@code server}'s queue (it need not own the chunk). */
    public void adopt(String communicationId, int index, String server) {
        Map<String, AttributeValue> chunk;
        try {
            chunk = dynamo.updateItem(b -> b.tableName(table.name())
                            .key(RecipientChunks.key(communicationId, index))
                            .updateExpression("SET #r.#e.#o = :me")
                            .conditionExpression("attribute_exists(#r.#e)")
                            .expressionAttributeNames(RecipientChunks.names(index, Map.of("#o", RecipientChunks.OWNER)))
                            .expressionAttributeValues(Map.of(":me", s(server)))
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes();
        } catch (ConditionalCheckFailedException noSuchRecipient) {
            return; // nothing to own: its ticket finds no recipient either
        }
        if (!server.equals(str(chunk, RecipientChunks.OWNER))) {
            int n = RecipientChunks.chunkOf(index);
            Map<String, AttributeValue> marker =
                    key(DynamoCommunicationStore.pk(communicationId), MARKER_PREFIX + n + "#" + server);
            marker.put("type", s("ChunkOwnerMarker"));
            marker.put(
                    Table.GSI2PK,
                    s(RecipientChunks.ownerPartition(server, communicationId, RecipientChunks.sk(index))));
            marker.put(Table.GSI2SK, s(communicationId + "#" + RecipientChunks.sk(index) + "#" + server));
            marker.put("chunk", AttributeValue.fromN(Integer.toString(n)));
            dynamo.putItem(b -> b.tableName(table.name()).item(marker));
        }
    }

    /** The chunks {@code server} owns or has entries in (GSI2, keys only: each of its partition's shards). */
    public List<Owned> ownedBy(String server) {
        List<Owned> owned = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        for (var item : RecipientChunks.ownerPartitions(server).stream()
                .flatMap(p -> dynamo
                        .queryPaginator(QueryRequest.builder()
                                .tableName(table.name())
                                .indexName(Table.GSI2)
                                .keyConditionExpression("GSI2PK = :p")
                                .expressionAttributeValues(Map.of(":p", s(p)))
                                .build())
                        .items()
                        .stream())
                .toList()) {
            String id = Keys.communicationId(str(item, Table.PK));
            String sk = str(item, Table.SK);
            int chunk = RecipientChunks.isChunk(sk)
                    ? Integer.parseInt(sk.substring(RecipientChunks.skPrefix().length()))
                    : Integer.parseInt(sk.substring(MARKER_PREFIX.length(), sk.indexOf('#', MARKER_PREFIX.length())));
            if (seen.add(id + "#" + chunk)) {
                owned.add(new Owned(id, chunk));
            }
        }
        return owned;
    }

    /**
     * Moves the Pending entries of a chunk that {@code gone} owns to {@code me} and answers them, to
     * be queued by the caller; empty when there are none or another server took them first. Entries
     * held for a digest or quiet hours stay as they are: their release queues them.
     */
    public List<Taken> takeOver(Owned owned, String gone, String me) {
        Map<String, AttributeValue> chunkKey = RecipientChunks.chunkKey(owned.communicationId(), owned.chunk());
        var chunk = dynamo.getItem(b -> b.tableName(table.name()).key(chunkKey).consistentRead(true))
                .item();
        if (chunk == null || chunk.isEmpty()) {
            return List.of();
        }
        boolean chunkIsGones = gone.equals(str(chunk, RecipientChunks.OWNER));
        List<Map<String, AttributeValue>> entries = RecipientChunks.entries(chunk).stream()
                .filter(e -> RecipientStatus.Pending.name().equals(str(e, "status")))
                .filter(e -> str(e, "heldFor") == null || str(e, "releasedAt") != null)
                .filter(e -> gone.equals(str(e, RecipientChunks.OWNER))
                        || str(e, RecipientChunks.OWNER) == null && chunkIsGones)
                .toList();
        if (entries.isEmpty()) {
            return List.of();
        }
        Map<String, String> names =
                new HashMap<>(Map.of("#r", RecipientChunks.ENTRIES, "#s", "status", "#o", RecipientChunks.OWNER));
        Map<String, AttributeValue> values =
                new HashMap<>(Map.of(":me", s(me), ":gone", s(gone), ":pending", s(RecipientStatus.Pending.name())));
        StringBuilder set = new StringBuilder("SET ");
        List<String> conditions = new ArrayList<>();
        List<Taken> taken = new ArrayList<>();
        for (int k = 0; k < entries.size(); k++) {
            int index = (int) num(entries.get(k), "index");
            names.put("#e" + k, Integer.toString(index));
            String e = "#r.#e" + k;
            set.append(k == 0 ? "" : ", ").append(e).append(".#o = :me");
            conditions.add(e + ".#s = :pending AND (" + e + ".#o = :gone OR attribute_not_exists(" + e
                    + ".#o) AND #o = :gone)");
            taken.add(new Taken(owned.communicationId(), index, Channel.valueOf(str(entries.get(k), "channel"))));
        }
        if (chunkIsGones) {
            Map<String, AttributeValue> owner =
                    RecipientChunks.ownerAttributes(owned.communicationId(), str(chunk, Table.SK), me);
            names.put("#pk", Table.GSI2PK);
            names.put("#sk", Table.GSI2SK);
            values.put(":pk", owner.get(Table.GSI2PK));
            values.put(":sk", owner.get(Table.GSI2SK));
            set.append(", #o = :me, #pk = :pk, #sk = :sk");
        }
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(chunkKey)
                    .updateExpression(set.toString())
                    .conditionExpression(String.join(" AND ", conditions))
                    .expressionAttributeNames(names)
                    .expressionAttributeValues(values));
        } catch (ConditionalCheckFailedException tookFirst) {
            return List.of(); // another server took them, or they moved meanwhile: whoever moved them queued them
        }
        if (!chunkIsGones) {
            taken.stream()
                    .findFirst()
                    .ifPresent(t -> adopt(t.communicationId(), t.index(), me)); // my marker on a foreign chunk
        }
        return taken;
    }
}
