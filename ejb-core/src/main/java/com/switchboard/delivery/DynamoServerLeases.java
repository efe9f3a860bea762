package com.switchboard.delivery;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Each running server's lease, {@code SERVERS} / {@code <server id>} with {@code aliveUntil}, renewed
 * while it runs. A server id is new at every start, so a restarted server is another server and its
 * former self's lease runs out like any gone server's. One partition of a few small items: the
 * servers of one deployment.
 */
@ApplicationScoped
public class DynamoServerLeases {
    static final String PARTITION = "SERVERS";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    /** A server's lease as stored. */
    public record Lease(String server, Instant aliveUntil) {}

    public void renew(String server, Instant until) {
        var item = key(PARTITION, server);
        item.put("type", s("ServerLease"));
        item.put("aliveUntil", n(until.toEpochMilli()));
        dynamo.putItem(b -> b.tableName(table.name()).item(item));
    }

    /** Leases that ran out before {@code now} (one Query of the small partition). */
    public List<Lease> expired(Instant now) {
        List<Lease> expired = new ArrayList<>();
        var result = dynamo.query(b -> b.tableName(table.name())
                .keyConditionExpression("PK = :p")
                .expressionAttributeValues(Map.of(":p", s(PARTITION)))
                .consistentRead(true));
        for (var item : result.items()) {
            Instant until = Instant.ofEpochMilli(num(item, "aliveUntil"));
            boolean beingTaken = item.containsKey("takeUntil") && num(item, "takeUntil") >= now.toEpochMilli();
            if (until.isBefore(now) && !beingTaken) {
                expired.add(new Lease(str(item, Table.SK), until));
            }
        }
        return expired;
    }

    /** Takes over a gone server's work for {@code until}; false when it renewed or another server is at it. */
    public boolean claim(Lease gone, String me, Instant now, Instant until) {
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(PARTITION, gone.server()))
                    .updateExpression("SET takenBy = :me, takeUntil = :until")
                    .conditionExpression("aliveUntil < :now AND (attribute_not_exists(takeUntil) OR takeUntil < :now)")
                    .expressionAttributeValues(
                            Map.of(":me", s(me), ":until", n(until.toEpochMilli()), ":now", n(now.toEpochMilli()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /** The gone server's work is all taken over: its lease is forgotten. */
    public void forget(String server) {
        dynamo.deleteItem(b -> b.tableName(table.name()).key(key(PARTITION, server)));
    }
}
