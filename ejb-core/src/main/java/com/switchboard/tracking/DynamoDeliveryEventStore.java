package com.switchboard.tracking;

import static com.switchboard.store.Items.bool;
import static com.switchboard.store.Items.flag;
import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.communication.RecipientChunks;
import com.switchboard.store.BatchWriter;
import com.switchboard.store.Keys;
import com.switchboard.store.RequestCoalescer;
import com.switchboard.store.Retention;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * The append-only event trail of a communication: one {@code EVENT#<receivedAt>#<n>} item under its
 * partition per provider receipt, whether or not it changed a status ({@code applied}). Items are
 * only ever added under a new key, never rewritten.
 */
@ApplicationScoped
public class DynamoDeliveryEventStore {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchWriter batch;

    @Inject
    Retention retention;

    /** One stored event as the tracking query shows it. */
    public record DeliveryEvent(
            int recipientIndex,
            String channel,
            String type,
            String rawStatus,
            String occurredAt,
            String receivedAt,
            String reason,
            boolean applied) {}

    /** One receipt to append to a communication's trail. */
    private record NewEvent(String communicationId, int index, Receipt receipt, boolean applied, String receivedAt) {}

    /** 25 events fill one BatchWriteItem; a few batches may be in flight at once. */
    private final RequestCoalescer.Striped<NewEvent, Void> appends =
            new RequestCoalescer.Striped<>(4, NewEvent::communicationId, 25, this::appendAll);

    /**
     * Appends one receipt to the trail, returning once it is written. Receipts arrive many at a
     * time, so the appends in flight together go in one BatchWriteItem ({@link RequestCoalescer}).
     */
    public void append(String communicationId, int index, Receipt r, boolean applied, String receivedAt) {
        appends.submit(new NewEvent(communicationId, index, r, applied, receivedAt));
    }

    /**
     * BatchWriteItem takes no condition: each key carries the receive time, the recipient and a
     * random suffix, so a put never meets an existing event to overwrite.
     */
    private List<Void> appendAll(List<NewEvent> events) {
        batch.putAll(events.stream().map(this::item).toList());
        return Collections.nCopies(events.size(), null);
    }

    private Map<String, AttributeValue> item(NewEvent e) {
        // the receive time orders the trail; the suffix keeps two receipts in one millisecond apart
        String sk = "EVENT#" + e.receivedAt() + "#" + String.format("%06d", e.index()) + "-"
                + UUID.randomUUID().toString().substring(0, 8);
        Map<String, AttributeValue> item = key(pk(e.communicationId()), sk);
        item.put("type", s("DeliveryEvent"));
        item.putAll(entry(e.index(), e.receipt(), e.applied(), e.receivedAt()));
        item.put(Retention.ATTRIBUTE, retention.communicationExpiry(e.receivedAt()));
        return item;
    }

    /**
     * One event's attributes: an {@code EVENT#} item's, or an entry of a recipient's {@code events}
     * list when the receipt moved the recipient and was written with the move.
     */
    public static Map<String, AttributeValue> entry(int index, Receipt r, boolean applied, String receivedAt) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("index", n(index));
        item.put("channel", s(r.channel().name()));
        item.put("eventType", s(r.outcome().name()));
        item.put("rawStatus", s(r.rawStatus()));
        putIfPresent(item, "occurredAt", r.occurredAt());
        item.put("receivedAt", s(receivedAt));
        putIfPresent(item, "reason", r.reason());
        putIfPresent(item, "providerMessageId", r.providerMessageId());
        item.put("applied", bool(applied));
        return item;
    }

    /**
     * The communication's trail in arrival order: the {@code EVENT#} items and the events written
     * with the recipients' moves (in their chunks).
     */
    public List<DeliveryEvent> events(String communicationId) {
        List<DeliveryEvent> events = new ArrayList<>();
        for (String prefix : new String[] {"EVENT#", RecipientChunks.skPrefix()}) {
            var pages = dynamo.queryPaginator(QueryRequest.builder()
                    .tableName(table.name())
                    .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                    .expressionAttributeValues(Map.of(":pk", s(pk(communicationId)), ":prefix", s(prefix)))
                    .build());
            for (var item : pages.items()) {
                if (RecipientChunks.isChunk(str(item, "SK"))) {
                    RecipientChunks.entries(item).forEach(r -> {
                        AttributeValue list = r.get(RecipientChunks.EVENTS);
                        if (list != null && list.hasL()) {
                            list.l().forEach(e -> events.add(event(e.m())));
                        }
                    });
                } else {
                    events.add(event(item));
                }
            }
        }
        events.sort(Comparator.comparing(e -> Instant.parse(e.receivedAt())));
        return events;
    }

    private static DeliveryEvent event(Map<String, AttributeValue> i) {
        return new DeliveryEvent(
                (int) num(i, "index"),
                str(i, "channel"),
                str(i, "eventType"),
                str(i, "rawStatus"),
                str(i, "occurredAt"),
                str(i, "receivedAt"),
                str(i, "reason"),
                flag(i, "applied"));
    }

    private static String pk(String communicationId) {
        return Keys.communication(communicationId);
    }
}
