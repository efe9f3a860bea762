package com.switchboard.tracking;

import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;

import com.switchboard.communication.CommunicationStatus;
import com.switchboard.communication.CommunicationView;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.error.NotFoundException;
import com.switchboard.store.Table;
import com.switchboard.tracking.DynamoDeliveryEventStore.DeliveryEvent;
import com.switchboard.tracking.TrackingViews.Page;
import com.switchboard.tracking.TrackingViews.RecipientTimeline;
import com.switchboard.tracking.TrackingViews.Summary;
import com.switchboard.tracking.TrackingViews.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * The tracking query. By id: one Query over the communication's partition plus its events. As a
 * list: Queries on GSI1, one status partition ({@code STATUS#<status>}) at a time, sort key
 * {@code <due>#<id>} bounded by from/to, newest first, the other filters as a FilterExpression —
 * never a Scan. DynamoDB applies Limit before the filter, so a page is filled by repeated Queries
 * each asking only for what is still missing; the cursor is the last key DynamoDB evaluated.
 */
@ApplicationScoped
public class DeliveryTrackingService {
    private static final String[] COUNTS = {"Pending", "Sent", "Delivered", "Failed"};

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    DynamoCommunicationStore communications;

    @Inject
    DynamoDeliveryEventStore events;

    public Timeline timeline(String communicationId) {
        CommunicationView view = communications.view(communicationId)
                .orElseThrow(() -> new NotFoundException("communication", communicationId));
        Map<Integer, List<DeliveryEvent>> byRecipient = new HashMap<>();
        for (DeliveryEvent e : events.events(communicationId)) {
            byRecipient.computeIfAbsent(e.recipientIndex(), i -> new ArrayList<>()).add(e);
        }
        List<RecipientTimeline> recipients = view.recipients().stream()
                .map(r -> new RecipientTimeline(r.index(), r.channel(), r.address(), r.status(), r.providerMessageId(),
                        r.sentAt(), r.deliveredAt(), r.reason(), byRecipient.getOrDefault(r.index(), List.of())))
                .toList();
        return new Timeline(view.communicationId(), view.status(), view.createdAt(), recipients);
    }

    public Page list(TrackingQuery q) {
        List<CommunicationStatus> statuses = q.status() != null ? List.of(q.status()) : List.of(CommunicationStatus.values());
        int partition = q.cursor() == null ? 0 : q.cursor().partition();
        Map<String, AttributeValue> start = q.cursor() != null && q.cursor().hasKey() ? startKey(q.cursor()) : null;
        List<Summary> items = new ArrayList<>();
        while (partition < statuses.size() && items.size() < q.limit()) {
            QueryResponse page = dynamo.query(request(q, statuses.get(partition), q.limit() - items.size(), start));
            page.items().forEach(i -> items.add(summary(i)));
            if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
                start = page.lastEvaluatedKey();
            } else {
                partition++;
                start = null;
            }
        }
        String next = null;
        if (partition < statuses.size()) {
            next = start == null ? new TrackingCursor(partition, null, null, null, null).encode()
                    : new TrackingCursor(partition, str(start, Table.GSI1PK), str(start, Table.GSI1SK), str(start, Table.PK),
                            str(start, Table.SK)).encode();
        }
        return new Page(items, next);
    }

    private QueryRequest request(TrackingQuery q, CommunicationStatus status, int limit, Map<String, AttributeValue> start) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":pk", s(DynamoCommunicationStore.gsi1pk(status.name())));
        // bounds as ISO strings that sort like the keys ("+1000000000-…" of Instant.MAX would not)
        values.put(":from", s(q.from() == null ? "0000" : q.from().toString()));
        values.put(":to", s((q.to() == null ? "9999" : q.to().toString()) + "#\uffff"));
        List<String> filters = new ArrayList<>();
        if (q.channel() != null) {
            filters.add("contains(channels, :channel)");
            values.put(":channel", s(q.channel().name()));
        }
        if (q.customerId() != null) {
            filters.add("customerId = :customer");
            values.put(":customer", s(q.customerId()));
        }
        if (q.vehicleId() != null) {
            filters.add("vehicleId = :vehicle");
            values.put(":vehicle", s(q.vehicleId()));
        }
        QueryRequest.Builder b = QueryRequest.builder().tableName(table.name()).indexName(Table.GSI1)
                .keyConditionExpression("GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to")
                .expressionAttributeValues(values).scanIndexForward(false).limit(limit).exclusiveStartKey(start);
        if (!filters.isEmpty()) {
            b.filterExpression(String.join(" AND ", filters));
        }
        return b.build();
    }

    private static Map<String, AttributeValue> startKey(TrackingCursor c) {
        return new HashMap<>(Map.of(Table.GSI1PK, s(c.gsi1pk()), Table.GSI1SK, s(c.gsi1sk()), Table.PK, s(c.pk()),
                Table.SK, s(c.sk())));
    }

    private static Summary summary(Map<String, AttributeValue> d) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String k : COUNTS) {
            counts.put(k, num(d, "count_" + k));
        }
        return new Summary(str(d, "communicationId"), str(d, "status"), strings(d, "channels"), str(d, "customerId"),
                str(d, "vehicleId"), str(d, "createdAt"), str(d, "scheduledAt"), str(d, "sentAt"), counts);
    }
}
