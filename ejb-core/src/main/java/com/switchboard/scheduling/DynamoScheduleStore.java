package com.switchboard.scheduling;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.list;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;
import static com.switchboard.store.LeaseClaims.sortable;

import com.switchboard.channel.Channel;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.store.BatchWriter;
import com.switchboard.store.Keys;
import com.switchboard.store.LeaseClaims;
import com.switchboard.store.Shards;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The {@code COMMUNICATION#<id>} / {@code SCHEDULE} items: one per communication not yet handed to
 * its queues, found through GSI1 ({@code STATUS#Scheduled#<shard>} / {@code <due>#<id>}, the shard
 * from the id: {@link Shards}) when due. A
 * server takes one by a conditional claim with a lease ({@code claimedBy}, {@code claimUntil} in
 * epoch millis), so two servers on one table never dispatch the same item, and a claim whose server
 * died is taken over once its lease ends ({@link LeaseClaims}). A scheduled send's item also carries its {@code tickets}
 * ({@code <index>:<channel>}), so the claim that returns the item is all its dispatch needs to read.
 */
@ApplicationScoped
public class DynamoScheduleStore {
    static final String SCHEDULE = "SCHEDULE";
    static final String DUE_PARTITION = "STATUS#Scheduled";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    Clock clock;

    @Inject
    BatchWriter batch;

    @Inject
    Shards shards;

    @Inject
    LeaseClaims claims;

    public DynamoScheduleStore() {}

    /** For tests that play several servers against one table, each with its own clock. */
    public DynamoScheduleStore(DynamoDbClient dynamo, Table table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
        this.shards = new Shards(Shards.DEFAULT);
        this.claims = new LeaseClaims(dynamo, table, clock);
    }

    /** One due (or soon due) communication as the index returns it. */
    public record Due(String communicationId, Instant dueAt) {}

    /**
     * An item this server now holds. {@code fresh}: nobody had claimed it before, so nothing of it
     * was queued yet and its communication is still Scheduled (only a claim leads to dispatch, and a
     * cancel removes the item first). {@code tickets}: what to queue, when the item carries them.
     */
    public record Claimed(
            String communicationId, Instant dueAt, boolean fresh, Optional<List<DeliveryTicket>> tickets) {}

    /** The SCHEDULE item, unclaimed, of a send due at {@code dueAt} that carries the tickets to queue then. */
    public Map<String, AttributeValue> item(String communicationId, Instant dueAt, List<DeliveryTicket> tickets) {
        Map<String, AttributeValue> item = item(communicationId, dueAt);
        item.put(
                "tickets",
                list(tickets.stream()
                        .map(t -> t.recipientIndex() + ":" + t.channel().name())
                        .toList()));
        return item;
    }

    /** The SCHEDULE item, unclaimed, for a communication due at {@code dueAt}. */
    public Map<String, AttributeValue> item(String communicationId, Instant dueAt) {
        Map<String, AttributeValue> item = key(pk(communicationId), SCHEDULE);
        item.put("type", s("Schedule"));
        item.put("communicationId", s(communicationId));
        item.put("dueAt", s(sortable(dueAt)));
        item.put(Table.GSI1PK, s(shards.key(DUE_PARTITION, communicationId)));
        item.put(Table.GSI1SK, s(sortable(dueAt) + "#" + communicationId));
        return item;
    }

    /**
     * The SCHEDULE item of a send dispatched right now by the request thread, already claimed by
     * {@code server}: no timer takes it while that thread queues, and any timer does once the
     * lease ends (the thread's server died before it could delete the item).
     */
    public Map<String, AttributeValue> claimedItem(String communicationId, String server, Duration lease) {
        Map<String, AttributeValue> item = item(communicationId, clock.instant());
        claims.markClaimed(item, server, lease);
        return item;
    }

    /** Up to {@code limit} items due now that nobody holds a live claim on, earliest first (every shard). */
    public List<Due> due(int limit) {
        return due(limit, Duration.ZERO);
    }

    /** Up to {@code limit} items due now or within {@code lookahead} that nobody holds a live claim on, earliest first (every shard). */
    public List<Due> due(int limit, Duration lookahead) {
        return shards.read(shards.all(), shard -> due(shard, limit, lookahead)).stream()
                .flatMap(List::stream)
                .sorted(Comparator.comparing(Due::dueAt))
                .limit(limit)
                .toList();
    }

    /** Up to {@code limit} items of one shard due now or within {@code lookahead} that nobody holds a live claim on, earliest first. */
    public List<Due> due(int shard, int limit, Duration lookahead) {
        return claims.due(Shards.key(DUE_PARTITION, shard), limit, lookahead, "communicationId, dueAt").stream()
                .map(item -> new Due(str(item, "communicationId"), Instant.parse(str(item, "dueAt"))))
                .toList();
    }

    /** Claims the item for {@code server} until now + {@code lease}; false when another server holds a live claim, it is not due or it is gone. */
    public boolean claim(String communicationId, String server, Duration lease) {
        return claim(communicationId, clock.instant(), server, lease).isPresent();
    }

    /**
     * Claims an item found due at {@code dueAt}, which may be up to a scheduler lookahead ahead,
     * until {@code dueAt} (or now, if later) + {@code lease}: the holder dispatches it at its time,
     * and another server takes it over only a lease after that. Empty when another server holds a
     * live claim, it is gone, or it was rescheduled since the index was read (the reschedule wins).
     */
    public Optional<Claimed> claim(String communicationId, Instant dueAt, String server, Duration lease) {
        return claims.claim(key(pk(communicationId), SCHEDULE), dueAt, server, lease)
                .map(old -> new Claimed(
                        communicationId,
                        Instant.parse(str(old, "dueAt")),
                        !old.containsKey("claimedBy"),
                        old.containsKey("tickets")
                                ? Optional.of(tickets(communicationId, strings(old, "tickets")))
                                : Optional.empty()));
    }

    /** Removes the items of communications now on their queues, 25 to a request. */
    public void deleteAll(List<String> communicationIds) {
        batch.deleteAll(
                communicationIds.stream().map(id -> key(pk(id), SCHEDULE)).toList());
    }

    private static List<DeliveryTicket> tickets(String communicationId, List<String> encoded) {
        return encoded.stream()
                .map(t -> {
                    int colon = t.indexOf(':');
                    return new DeliveryTicket(
                            communicationId,
                            Integer.parseInt(t.substring(0, colon)),
                            Channel.valueOf(t.substring(colon + 1)));
                })
                .toList();
    }

    /** Whether the communication still has a SCHEDULE item: then the scheduler, not a chunk takeover, queues it. */
    public boolean exists(String communicationId) {
        return dynamo.getItem(b -> b.tableName(table.name())
                        .key(key(pk(communicationId), SCHEDULE))
                        .consistentRead(true)
                        .projectionExpression("PK"))
                .hasItem();
    }

    /** Removes the item once its communication is on its queues (or was found no longer waiting). */
    public void delete(String communicationId) {
        dynamo.deleteItem(b -> b.tableName(table.name()).key(key(pk(communicationId), SCHEDULE)));
    }

    /** Removes the item only if no server is dispatching it now: true when this call took it away. */
    public boolean withdraw(String communicationId) {
        return claims.deleteUnclaimed(key(pk(communicationId), SCHEDULE));
    }

    /** Moves the due time of an item nobody is dispatching; false when it is gone or being dispatched. */
    public boolean reschedule(String communicationId, Instant dueAt) {
        return claims.updateUnclaimed(
                key(pk(communicationId), SCHEDULE),
                "SET dueAt = :due, GSI1SK = :sk",
                Map.of(":due", s(sortable(dueAt)), ":sk", s(sortable(dueAt) + "#" + communicationId)));
    }

    private static String pk(String communicationId) {
        return Keys.communication(communicationId);
    }
}
