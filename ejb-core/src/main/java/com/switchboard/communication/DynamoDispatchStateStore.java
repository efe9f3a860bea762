package com.switchboard.communication;

import static com.switchboard.communication.DynamoCommunicationStore.DETAILS;
import static com.switchboard.communication.DynamoCommunicationStore.pk;
import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.channel.Channel;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The dispatch side of a communication's items: whether and how far it was dispatched, its
 * tickets, fan-out progress, and the conditional cancel and reschedule of one still Scheduled.
 */
@ApplicationScoped
public class DynamoDispatchStateStore {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    /** What dispatching a communication needs to know: its status, size and how many fan-out chunks hold its recipients (0: none). */
    public record DispatchState(String status, int recipientCount, int fanOutChunks, long dispatched) {}

    public Optional<DispatchState> dispatchState(String id) {
        var result = dynamo.getItem(b -> b.tableName(table.name())
                .key(key(pk(id), DETAILS))
                .consistentRead(true)
                .projectionExpression("#s, recipientCount, fanOutChunks, dispatched")
                .expressionAttributeNames(Map.of("#s", "status")));
        if (!result.hasItem() || result.item().isEmpty()) {
            return Optional.empty();
        }
        var i = result.item();
        return Optional.of(new DispatchState(
                str(i, "status"), (int) num(i, "recipientCount"), (int) num(i, "fanOutChunks"), num(i, "dispatched")));
    }

    /** Every stored recipient's ticket, in index order. */
    public List<DeliveryTicket> tickets(String id) {
        List<DeliveryTicket> tickets = new ArrayList<>();
        var pages = dynamo.queryPaginator(QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :r)")
                .expressionAttributeValues(Map.of(":pk", s(pk(id)), ":r", s(RecipientChunks.skPrefix())))
                .consistentRead(true)
                .build());
        for (var chunk : pages.items()) {
            for (var i : RecipientChunks.entries(chunk)) {
                tickets.add(new DeliveryTicket(id, (int) num(i, "index"), Channel.valueOf(str(i, "channel"))));
            }
        }
        return tickets;
    }

    /**
     * Counts a fan-out chunk's {@code size} recipients as dispatched, once per chunk; returns the
     * new total, or empty when the chunk was already counted.
     */
    public Optional<Long> countDispatched(String id, int chunk, int size) {
        try {
            var updated = dynamo.updateItem(b -> b.tableName(table.name())
                            .key(key(pk(id), DETAILS))
                            .updateExpression("ADD dispatched :n, dispatchedChunks :c")
                            .conditionExpression("attribute_exists(PK) AND NOT contains(dispatchedChunks, :chunk)")
                            .expressionAttributeValues(Map.of(
                                    ":n",
                                    n(size),
                                    ":c",
                                    AttributeValue.fromNs(List.of(Integer.toString(chunk))),
                                    ":chunk",
                                    n(chunk)))
                            .returnValues(ReturnValue.UPDATED_NEW))
                    .attributes();
            return Optional.of(num(updated, "dispatched"));
        } catch (ConditionalCheckFailedException counted) {
            return Optional.empty();
        }
    }

    /**
     * Marks a communication still Scheduled Cancelled, once its stored recipients were failed
     * ({@code ScheduleService}); recipients of a fanned-out send that were never written are moved in
     * the counts. False when it was no longer Scheduled.
     */
    public boolean cancel(String id, String at) {
        var item = dynamo.getItem(
                        b -> b.tableName(table.name()).key(key(pk(id), DETAILS)).consistentRead(true))
                .item();
        long pending = num(item, "count_Pending");
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(pk(id), DETAILS))
                    .updateExpression(
                            "SET #s = :cancelled, cancelledAt = :at ADD count_Pending :minus, count_Failed :plus")
                    .conditionExpression("#s = :scheduled AND count_Pending = :pending")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(
                            ":cancelled",
                            s(CommunicationStatus.Cancelled.name()),
                            ":at",
                            s(at),
                            ":minus",
                            n(-pending),
                            ":plus",
                            n(pending),
                            ":pending",
                            n(pending),
                            ":scheduled",
                            s(CommunicationStatus.Scheduled.name()))));
            // a large send's other count items: nothing moves them while it is Scheduled, and now it never will
            for (int k = 1; k < CountItems.of(item).items(); k++) {
                int counter = k;
                dynamo.updateItem(b -> b.tableName(table.name())
                        .key(key(pk(id), CountItems.sk(counter)))
                        .updateExpression("SET count_Failed = count_Failed + count_Pending, count_Pending = :zero")
                        .expressionAttributeValues(Map.of(":zero", n(0))));
            }
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }

    /** Sets a new {@code scheduledAt} on a communication still Scheduled; false when it no longer is. */
    public boolean reschedule(String id, String scheduledAt) {
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(pk(id), DETAILS))
                    .updateExpression("SET scheduledAt = :at")
                    .conditionExpression("#s = :scheduled")
                    .expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(
                            Map.of(":at", s(scheduledAt), ":scheduled", s(CommunicationStatus.Scheduled.name()))));
            return true;
        } catch (ConditionalCheckFailedException moved) {
            return false;
        }
    }
}
