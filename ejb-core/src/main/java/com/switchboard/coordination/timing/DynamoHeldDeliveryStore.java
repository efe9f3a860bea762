package com.switchboard.coordination.timing;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.list;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;
import static com.switchboard.store.LeaseClaims.sortable;

import com.switchboard.channel.Channel;
import com.switchboard.communication.RecipientChunks;
import com.switchboard.preference.Frequency;
import com.switchboard.store.BatchWriter;
import com.switchboard.store.Keys;
import com.switchboard.store.LeaseClaims;
import com.switchboard.store.Retention;
import com.switchboard.store.Shards;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * What waits for a digest or for the end of quiet hours, keyed by due time so the timer finds it
 * with a GSI1 Query, never a Scan:
 * <ul>
 * <li>{@code HELD#<communicationId>#<index>} / {@code HELD}: a recipient held by quiet hours, on
 * GSI1 {@code STATUS#QuietHours#<shard>} / {@code <until>#<id>#<index>};</li>
 * <li>{@code DIGEST#<stakeholder>#<channel>#<due>} / {@code HEAD}: one digest to send, on GSI1
 * {@code STATUS#DigestDue#<shard>} / {@code <due>#<stakeholder>#<channel>}, with one {@code ITEM#<id>#<index>}
 * per held recipient in the same partition;</li>
 * <li>{@code COMMUNICATION#<digestId>} / {@code DIGEST}: the original recipients a digest message
 * carries, for its outcome to reach them.</li>
 * </ul>
 * The shard is a hash of the item's partition key ({@link Shards}). A server takes a due item with a
 * lease claim ({@link LeaseClaims}), as the scheduler takes a scheduled send.
 */
@ApplicationScoped
public class DynamoHeldDeliveryStore {
    static final String QUIET_PARTITION = "STATUS#QuietHours";
    static final String DIGEST_PARTITION = "STATUS#DigestDue";
    static final String HELD = "HELD";
    static final String HEAD = "HEAD";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchWriter batch;

    @Inject
    Clock clock;

    @Inject
    Shards shards;

    @Inject
    LeaseClaims claims;

    @Inject
    Retention retention;

    /** A recipient whose quiet hours end at {@code until}. */
    public record QuietRelease(String communicationId, int index, Channel channel, Instant until) {
        String pk() {
            return quietPk(communicationId, index);
        }
    }

    /** One digest due at {@code dueAt}: its partition key and whom it goes to. */
    public record DigestHead(
            String pk, String stakeholderId, Channel channel, String address, Frequency frequency, Instant dueAt) {}

    /** Marks the recipient held, once: false when it is no longer Pending or was held before. */
    public boolean markHeld(String communicationId, int index, String heldFor, Instant until) {
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(recipientKey(communicationId, index))
                    .updateExpression("SET #r.#e.heldFor = :for, #r.#e.heldUntil = :until")
                    .conditionExpression("#r.#e.#s = :pending AND attribute_not_exists(#r.#e.heldFor)")
                    .expressionAttributeNames(RecipientChunks.names(index, Map.of("#s", "status")))
                    .expressionAttributeValues(
                            Map.of(":for", s(heldFor), ":until", s(until.toString()), ":pending", s("Pending"))));
            return true;
        } catch (ConditionalCheckFailedException before) {
            return false;
        }
    }

    /** Lets a recipient held by quiet hours go: its next ticket is delivered. False when it is no longer Pending. */
    public boolean markReleased(String communicationId, int index) {
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(recipientKey(communicationId, index))
                    .updateExpression("SET #r.#e.releasedAt = :at")
                    .conditionExpression("#r.#e.#s = :pending")
                    .expressionAttributeNames(RecipientChunks.names(index, Map.of("#s", "status")))
                    .expressionAttributeValues(Map.of(":at", s(clock.instant().toString()), ":pending", s("Pending"))));
            return true;
        } catch (ConditionalCheckFailedException settled) {
            return false;
        }
    }

    public void putQuiet(String communicationId, int index, Channel channel, Instant until) {
        Map<String, AttributeValue> item = key(quietPk(communicationId, index), HELD);
        item.put("type", s("QuietHoursHold"));
        item.put("communicationId", s(communicationId));
        item.put("index", n(index));
        item.put("channel", s(channel.name()));
        item.put("dueAt", s(sortable(until)));
        item.put(Table.GSI1PK, s(shards.key(QUIET_PARTITION, quietPk(communicationId, index))));
        item.put(Table.GSI1SK, s(sortable(until) + "#" + communicationId + "#" + index));
        dynamo.putItem(b -> b.tableName(table.name()).item(item));
    }

    /** The shard of a recipient's quiet-hours item. */
    public int quietShard(String communicationId, int index) {
        return shards.of(quietPk(communicationId, index));
    }

    /**
     * Recipients of one shard whose quiet hours end by now + {@code ahead} and that nobody holds a
     * live claim on, earliest first.
     */
    public List<QuietRelease> quiet(int shard, int limit, Duration ahead) {
        List<QuietRelease> due = new ArrayList<>();
        for (var i : claims.due(Shards.key(QUIET_PARTITION, shard), limit, ahead, null)) {
            due.add(new QuietRelease(
                    str(i, "communicationId"),
                    (int) num(i, "index"),
                    Channel.valueOf(str(i, "channel")),
                    Instant.parse(str(i, "dueAt"))));
        }
        return due;
    }

    public boolean claimQuiet(QuietRelease q, String server, Duration lease) {
        return claim(q.pk(), HELD, server, lease);
    }

    public void deleteQuiet(QuietRelease q) {
        dynamo.deleteItem(b -> b.tableName(table.name()).key(key(q.pk(), HELD)));
    }

    public static String digestPk(String stakeholderId, Channel channel, Instant due) {
        return "DIGEST#" + stakeholderId + "#" + channel.name() + "#" + sortable(due);
    }

    public void putDigestItem(String digestPk, String communicationId, int index) {
        Map<String, AttributeValue> item = key(digestPk, itemSk(communicationId, index));
        item.put("type", s("DigestItem"));
        item.put("communicationId", s(communicationId));
        item.put("index", n(index));
        item.put("heldAt", n(clock.millis()));
        dynamo.putItem(b -> b.tableName(table.name()).item(item));
    }

    public void deleteDigestItem(String digestPk, String communicationId, int index) {
        dynamo.deleteItem(b -> b.tableName(table.name()).key(key(digestPk, itemSk(communicationId, index))));
    }

    /** Adds the digest (or keeps it, addressed to the latest address); false when a server is already sending it. */
    public boolean putDigestHead(
            String digestPk, String stakeholderId, Channel channel, String address, Frequency frequency, Instant due) {
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(digestPk, HEAD))
                    .updateExpression(
                            "SET #t = :type, stakeholderId = :sh, channel = :ch, address = :addr, frequency = :f, "
                                    + "dueAt = :due, GSI1PK = :gpk, GSI1SK = :gsk")
                    .conditionExpression("attribute_not_exists(claimedBy)")
                    .expressionAttributeNames(Map.of("#t", "type"))
                    .expressionAttributeValues(Map.of(
                            ":type",
                            s("Digest"),
                            ":sh",
                            s(stakeholderId),
                            ":ch",
                            s(channel.name()),
                            ":addr",
                            s(address),
                            ":f",
                            s(frequency.name()),
                            ":due",
                            s(sortable(due)),
                            ":gpk",
                            s(shards.key(DIGEST_PARTITION, digestPk)),
                            ":gsk",
                            s(sortable(due) + "#" + stakeholderId + "#" + channel.name()))));
            return true;
        } catch (ConditionalCheckFailedException sending) {
            return false;
        }
    }

    /** The shard of a digest's head item. */
    public int digestShard(String digestPk) {
        return shards.of(digestPk);
    }

    /** Digests of one shard due by now + {@code ahead} that nobody holds a live claim on, earliest first. */
    public List<DigestHead> digests(int shard, int limit, Duration ahead) {
        List<DigestHead> due = new ArrayList<>();
        for (var i : claims.due(Shards.key(DIGEST_PARTITION, shard), limit, ahead, null)) {
            due.add(new DigestHead(
                    str(i, "PK"),
                    str(i, "stakeholderId"),
                    Channel.valueOf(str(i, "channel")),
                    str(i, "address"),
                    Frequency.valueOf(str(i, "frequency")),
                    Instant.parse(str(i, "dueAt"))));
        }
        return due;
    }

    public boolean claimDigest(DigestHead head, String server, Duration lease) {
        return claim(head.pk(), HEAD, server, lease);
    }

    /** The held recipients of a digest, as {@code <communicationId>#<index>}, in the order they were held. */
    public List<String> digestItems(String digestPk) {
        var pages = dynamo.queryPaginator(QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :i)")
                .expressionAttributeValues(Map.of(":pk", s(digestPk), ":i", s("ITEM#")))
                .consistentRead(true)
                .build());
        // in the order they were held (their keys are random ids); items held before heldAt existed first
        return pages.items().stream()
                .sorted(java.util.Comparator.comparingLong(i -> i.containsKey("heldAt") ? num(i, "heldAt") : 0L))
                .map(i -> str(i, "communicationId") + "#" + num(i, "index"))
                .toList();
    }

    /** Removes a sent digest: its head (so the index no longer returns it) and its items. */
    public void deleteDigest(String digestPk, List<String> items) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        keys.add(key(digestPk, HEAD));
        for (String item : items) {
            int hash = item.lastIndexOf('#');
            keys.add(key(digestPk, itemSk(item.substring(0, hash), Integer.parseInt(item.substring(hash + 1)))));
        }
        batch.deleteAll(keys);
    }

    /** Remembers which original recipients ({@code <id>#<index>}) the digest communication carries. */
    public void putDigestLink(String digestCommunicationId, List<String> originals) {
        Map<String, AttributeValue> item = key(Keys.communication(digestCommunicationId), "DIGEST");
        item.put("type", s("DigestLink"));
        item.put("originals", list(originals));
        item.put(Retention.ATTRIBUTE, retention.communicationExpiry(clock.instant()));
        dynamo.putItem(b -> b.tableName(table.name()).item(item));
    }

    public List<String> originals(String digestCommunicationId) {
        var result = dynamo.getItem(b -> b.tableName(table.name())
                .key(key(Keys.communication(digestCommunicationId), "DIGEST"))
                .consistentRead(true));
        return result.hasItem() ? strings(result.item(), "originals") : List.of();
    }

    private boolean claim(String pk, String sk, String server, Duration lease) {
        return claims.claim(key(pk, sk), clock.instant(), server, lease).isPresent();
    }

    private static String quietPk(String communicationId, int index) {
        return "HELD#" + communicationId + "#" + index;
    }

    private static String itemSk(String communicationId, int index) {
        return "ITEM#" + communicationId + "#" + index;
    }

    private static Map<String, AttributeValue> recipientKey(String communicationId, int index) {
        return RecipientChunks.key(communicationId, index);
    }
}
