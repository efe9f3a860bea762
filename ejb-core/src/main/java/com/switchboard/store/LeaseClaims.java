package com.switchboard.store;

import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.s;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Items that fall due at a time and are taken by one server with a lease: the schedules of sends
 * ({@code scheduling}) and the quiet-hours holds and digests ({@code coordination.timing}). Such an
 * item has a sortable {@code dueAt}, GSI1 keys whose sort key starts with it, and, once claimed,
 * {@code claimedBy} and {@code claimUntil} (epoch millis). A claim is one conditional write (the
 * item is still there, due, and unclaimed or its claim expired), so two servers on one table never
 * take the same item, and an item whose server died is taken over once its lease ends.
 */
@ApplicationScoped
public class LeaseClaims {
    /** The condition of every write that must not touch an item a server is working on (needs {@code :now}). */
    public static final String CLAIMABLE =
            "attribute_exists(PK) AND (attribute_not_exists(claimUntil) OR claimUntil < :now)";
    /** Fixed width, so that string order is time order (Instant.toString drops zero fractions). */
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    Clock clock;

    public LeaseClaims() {}

    /** For tests that play several servers against one table, each with its own clock. */
    public LeaseClaims(DynamoDbClient dynamo, Table table, Clock clock) {
        this.dynamo = dynamo;
        this.table = table;
        this.clock = clock;
    }

    /** {@code at} as {@code dueAt} and GSI1 sort keys store it. */
    public static String sortable(Instant at) {
        return SORTABLE.format(at.truncatedTo(ChronoUnit.MILLIS));
    }

    /** Marks a new item as already claimed by {@code server} for {@code lease} from now. */
    public void markClaimed(Map<String, AttributeValue> item, String server, Duration lease) {
        item.put("claimedBy", s(server));
        item.put("claimUntil", n(clock.instant().plus(lease).toEpochMilli()));
    }

    /**
     * Up to {@code limit} items of the GSI1 partition due by now + {@code ahead} that nobody holds a
     * live claim on, earliest first; {@code projection} null for whole items.
     */
    public List<Map<String, AttributeValue>> due(String partition, int limit, Duration ahead, String projection) {
        Instant now = clock.instant();
        var request = QueryRequest.builder()
                .tableName(table.name())
                .indexName(Table.GSI1)
                .keyConditionExpression("GSI1PK = :p AND GSI1SK <= :upTo")
                .filterExpression("attribute_not_exists(claimUntil) OR claimUntil < :now")
                .projectionExpression(projection)
                .expressionAttributeValues(Map.of(
                        ":p",
                        s(partition),
                        ":upTo",
                        s(sortable(now.plus(ahead)) + "#~"),
                        ":now",
                        n(now.toEpochMilli())))
                .build();
        List<Map<String, AttributeValue>> due = new ArrayList<>();
        for (var item : dynamo.queryPaginator(request).items()) {
            due.add(item);
            if (due.size() == limit) {
                break;
            }
        }
        return due;
    }

    /**
     * Claims the item for {@code server} if it is due by {@code dueAt} (which may lie up to a
     * lookahead ahead) until {@code dueAt}, or now if later, + {@code lease}: the holder works on it
     * at its time, and another server takes it over only a lease after that. The item as it was
     * before the claim; empty when another server holds a live claim, it is gone, or it was made due
     * later since it was found (that change wins).
     */
    public Optional<Map<String, AttributeValue>> claim(
            Map<String, AttributeValue> key, Instant dueAt, String server, Duration lease) {
        Instant now = clock.instant();
        Instant until = (dueAt.isAfter(now) ? dueAt : now).plus(lease);
        try {
            return Optional.of(dynamo.updateItem(b -> b.tableName(table.name())
                            .key(key)
                            .updateExpression("SET claimedBy = :me, claimUntil = :until")
                            .conditionExpression(CLAIMABLE + " AND dueAt <= :due")
                            .expressionAttributeValues(Map.of(
                                    ":me",
                                    s(server),
                                    ":until",
                                    n(until.toEpochMilli()),
                                    ":now",
                                    n(now.toEpochMilli()),
                                    ":due",
                                    s(sortable(dueAt))))
                            .returnValues(ReturnValue.ALL_OLD))
                    .attributes());
        } catch (ConditionalCheckFailedException taken) {
            return Optional.empty();
        }
    }

    /** Deletes the item only if no server holds a live claim on it: true when this call took it away. */
    public boolean deleteUnclaimed(Map<String, AttributeValue> key) {
        try {
            dynamo.deleteItem(b -> b.tableName(table.name())
                    .key(key)
                    .conditionExpression(CLAIMABLE)
                    .expressionAttributeValues(Map.of(":now", n(clock.millis()))));
            return true;
        } catch (ConditionalCheckFailedException claimed) {
            return false;
        }
    }

    /** Sets {@code set} (a SET expression over {@code values}) on the item only if no server holds a live claim on it. */
    public boolean updateUnclaimed(Map<String, AttributeValue> key, String set, Map<String, AttributeValue> values) {
        Map<String, AttributeValue> all = new HashMap<>(values);
        all.put(":now", n(clock.millis()));
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key)
                    .updateExpression(set)
                    .conditionExpression(CLAIMABLE)
                    .expressionAttributeValues(all));
            return true;
        } catch (ConditionalCheckFailedException claimed) {
            return false;
        }
    }
}
