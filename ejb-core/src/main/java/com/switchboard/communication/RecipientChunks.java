package com.switchboard.communication;

import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.store.Retention;
import com.switchboard.store.Shards;
import com.switchboard.store.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Recipients are stored in chunks: {@code COMMUNICATION#<id>} / {@code CHUNK#<nnnnn>} holds the
 * recipients whose index divided by {@link #SIZE} is {@code n}, each as an entry of the map
 * {@code r} keyed by its index, with the attributes a recipient has (status, channel, address,
 * provider id, times, reason, ...). The chunk of an index is known without a lookup, so a receipt
 * or a fallback finds its recipient by key, and a chunk's moves can be one conditional write. An
 * entry read out of a chunk ({@link #entries}) has the same attribute names a recipient always had.
 */
public final class RecipientChunks {
    /** Recipients per chunk item: 25 entries of a few hundred bytes stay far below DynamoDB's 400 KB item limit. */
    public static final int SIZE = 25;

    static final String SK_PREFIX = "CHUNK#";
    static final String ENTRIES = "r";
    /** How many entries are Pending: a chunk's owner is dropped from GSI2 when none is. */
    static final String PENDING = "pending";

    static final String OWNER = "owner";
    /** Write shards of each server's GSI2 partition ({@link #ownerPartition}). */
    static final int OWNER_SHARDS = 8;
    /** An entry's receipts that moved it, appended with the move ({@link ChunkMove#event()}). */
    public static final String EVENTS = "events";

    private RecipientChunks() {}

    public static int chunkOf(int index) {
        return index / SIZE;
    }

    public static String sk(int index) {
        return SK_PREFIX + String.format("%05d", chunkOf(index));
    }

    public static Map<String, AttributeValue> key(String communicationId, int index) {
        return com.switchboard.store.Items.key(DynamoCommunicationStore.pk(communicationId), sk(index));
    }

    /**
     * Chunk items holding {@code entries} (recipient attributes, each with its {@code index}), for a
     * put; owned by {@code owner}, the server whose queue takes their tickets now (null: nobody's
     * yet, a send scheduled for later).
     */
    static List<Map<String, AttributeValue>> items(
            String communicationId, List<Map<String, AttributeValue>> entries, String owner) {
        return items(communicationId, entries, null, owner);
    }

    /** {@link #items(String, List, String)} carrying {@code expiresAt} ({@link Retention}; null: none). */
    static List<Map<String, AttributeValue>> items(
            String communicationId, List<Map<String, AttributeValue>> entries, AttributeValue expiresAt, String owner) {
        Map<String, Map<String, AttributeValue>> byChunk = new LinkedHashMap<>();
        for (Map<String, AttributeValue> e : entries) {
            int index = (int) num(e, "index");
            byChunk.computeIfAbsent(sk(index), k -> new HashMap<>())
                    .put(Integer.toString(index), AttributeValue.fromM(e));
        }
        List<Map<String, AttributeValue>> items = new ArrayList<>(byChunk.size());
        byChunk.forEach((sk, map) -> {
            Map<String, AttributeValue> item =
                    com.switchboard.store.Items.key(DynamoCommunicationStore.pk(communicationId), sk);
            item.put("type", s("RecipientChunk"));
            item.put(ENTRIES, AttributeValue.fromM(map));
            item.put(
                    PENDING,
                    n(map.values().stream()
                            .filter(e -> RecipientStatus.Pending.name().equals(str(e.m(), "status")))
                            .count()));
            if (expiresAt != null) {
                item.put(Retention.ATTRIBUTE, expiresAt);
            }
            if (owner != null) {
                item.putAll(ownerAttributes(communicationId, sk, owner));
            }
            items.add(item);
        });
        return items;
    }

    /** The attributes that make {@code owner} the chunk's owner: {@code owner} and its GSI2 keys. */
    static Map<String, AttributeValue> ownerAttributes(String communicationId, String sk, String owner) {
        return Map.of(
                OWNER,
                s(owner),
                Table.GSI2PK,
                s(ownerPartition(owner, communicationId, sk)),
                Table.GSI2SK,
                s(communicationId + "#" + sk));
    }

    /**
     * {@code OWNER#<server>#<shard>}, the shard a hash of the chunk: a server writes its own partition
     * at the rate it accepts and releases chunks, bounded by its CPU, so a fixed number of shards
     * keeps each under 1/{@value #OWNER_SHARDS} of that; only a takeover reads them all.
     */
    public static String ownerPartition(String server, String communicationId, String sk) {
        return Shards.key(
                legacyOwnerPartition(server), Math.floorMod((communicationId + "#" + sk).hashCode(), OWNER_SHARDS));
    }

    /** Every partition that may list {@code server}'s chunks: its shards and the one key of releases before them. */
    static List<String> ownerPartitions(String server) {
        List<String> all = new ArrayList<>();
        for (int shard = 0; shard < OWNER_SHARDS; shard++) {
            all.add(Shards.key(legacyOwnerPartition(server), shard));
        }
        all.add(legacyOwnerPartition(server));
        return all;
    }

    private static String legacyOwnerPartition(String server) {
        return "OWNER#" + server;
    }

    /** The entry of recipient {@code index} in a chunk item, or null. */
    public static Map<String, AttributeValue> entry(Map<String, AttributeValue> chunk, int index) {
        AttributeValue entries = chunk.get(ENTRIES);
        if (entries == null || !entries.hasM()) {
            return null;
        }
        AttributeValue e = entries.m().get(Integer.toString(index));
        return e == null || !e.hasM() ? null : e.m();
    }

    /** Every entry of a chunk item, in index order. */
    public static List<Map<String, AttributeValue>> entries(Map<String, AttributeValue> chunk) {
        AttributeValue entries = chunk.get(ENTRIES);
        if (entries == null || !entries.hasM()) {
            return List.of();
        }
        List<Map<String, AttributeValue>> list = new ArrayList<>(entries.m().size());
        entries.m().values().forEach(v -> list.add(v.m()));
        list.sort(Comparator.comparingLong(e -> num(e, "index")));
        return list;
    }

    public static boolean isChunk(String sk) {
        return sk != null && sk.startsWith(SK_PREFIX);
    }

    public static String skPrefix() {
        return SK_PREFIX;
    }

    /**
     * Expression names for one recipient's entry: {@code #r.#e} is its path, so an update of the
     * recipient's {@code status} reads {@code SET #r.#e.#s = :to}.
     */
    public static Map<String, String> names(int index, Map<String, String> more) {
        Map<String, String> names = new HashMap<>(more);
        names.put("#r", ENTRIES);
        names.put("#e", Integer.toString(index));
        return names;
    }

    /** The path of attribute {@code name} (a plain name or a {@code #placeholder}) of the entry {@link #names} names. */
    public static String at(String name) {
        return "#r.#e." + name;
    }

    /** An entry for a new recipient: what every recipient starts with. */
    static Map<String, AttributeValue> newEntry(int index, String channel, String address, String at) {
        Map<String, AttributeValue> e = new HashMap<>();
        e.put("index", n(index));
        e.put("channel", s(channel));
        e.put("address", s(address));
        e.put("status", s(RecipientStatus.Pending.name()));
        e.put("attempts", n(0));
        e.put("updatedAt", s(at));
        return e;
    }

    /** The key of chunk number {@code chunk} (not a recipient index). */
    static Map<String, AttributeValue> chunkKey(String communicationId, int chunk) {
        return com.switchboard.store.Items.key(
                DynamoCommunicationStore.pk(communicationId), SK_PREFIX + String.format("%05d", chunk));
    }
}
