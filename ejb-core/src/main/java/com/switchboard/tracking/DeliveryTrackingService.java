package com.switchboard.tracking;

import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;

import com.switchboard.communication.CommunicationView;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.DynamoCommunicationViews;
import com.switchboard.communication.ReadScope;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.store.Table;
import com.switchboard.tracking.DynamoDeliveryEventStore.DeliveryEvent;
import com.switchboard.tracking.TrackingViews.Page;
import com.switchboard.tracking.TrackingViews.RecipientTimeline;
import com.switchboard.tracking.TrackingViews.Summary;
import com.switchboard.tracking.TrackingViews.Timeline;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
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
 * list: Queries on GSI1, one creation-day partition ({@code COMMS#<yyyy-mm-dd>}) at a time from
 * {@code to} back to {@code from}, sort key {@code <createdAt>#<id>} bounded by from/to, newest
 * first; status, channel, customer, vehicle and (for an integration client) creator as a
 * FilterExpression — never a Scan. The keys
 * never change, so a cursor stays exact while statuses move under it. DynamoDB applies Limit before the filter, so a page is filled by repeated Queries
 * each asking only for what is still missing; the cursor is the last key DynamoDB evaluated.
 */
@ApplicationScoped
public class DeliveryTrackingService {
    private static final String[] COUNTS = {"Pending", "Sent", "Delivered", "Failed"};
    /** Without from, the last 30 days; one query reads at most 92 day partitions. */
    static final Duration DEFAULT_RANGE = Duration.ofDays(30);
    static final Duration MAX_RANGE = Duration.ofDays(92);

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    DynamoCommunicationViews communications;

    @Inject
    DynamoDeliveryEventStore events;

    @Inject
    Clock clock;

    public Timeline timeline(String communicationId, ReadScope scope) {
        CommunicationView view = communications.view(communicationId).filter(c -> scope.allows(c.createdBy()))
                .orElseThrow(() -> new NotFoundException("communication", communicationId));
        Map<Integer, List<DeliveryEvent>> byRecipient = new HashMap<>();
        for (DeliveryEvent e : events.events(communicationId)) {
            byRecipient.computeIfAbsent(e.recipientIndex(), i -> new ArrayList<>()).add(e);
        }
        List<RecipientTimeline> recipients = view.recipients().stream()
                .map(r -> new RecipientTimeline(r.index(), r.channel(), r.address(), r.status(), r.providerMessageId(),
                        r.sentAt(), r.deliveredAt(), r.reason(), r.heldFor(), r.heldUntil(),
                        byRecipient.getOrDefault(r.index(), List.of())))
                .toList();
        return new Timeline(view.communicationId(), view.status(), view.createdAt(), view.correlationId(), recipients);
    }

    public Page list(TrackingQuery q, ReadScope scope) {
        Instant to = q.to() != null ? q.to() : Instant.now(clock);
        Instant from = q.from() != null ? q.from() : to.minus(DEFAULT_RANGE);
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw InvalidRequestException.of(400, "from", "the range from..to spans at most " + MAX_RANGE.toDays() + " days");
        }
        LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate day = q.cursor() == null ? LocalDate.ofInstant(to, ZoneOffset.UTC) : LocalDate.parse(q.cursor().day());
        Map<String, AttributeValue> start = q.cursor() != null && q.cursor().hasKey() ? startKey(q.cursor()) : null;
        if (start != null && (q.cursor().gsi1sk().compareTo(secondPrefix(from)) < 0
                || q.cursor().gsi1sk().compareTo(secondPrefix(to) + "\uffff") > 0)) {
            // DynamoDB refuses a start key outside the key condition: the cursor came from another query
            throw InvalidRequestException.of(400, "next", "the cursor does not belong to this query's from..to range");
        }
        List<Summary> items = new ArrayList<>();
        while (!day.isBefore(firstDay) && items.size() < q.limit()) {
            QueryResponse page = dynamo.query(request(q, scope, day, from, to, q.limit() - items.size(), start));
            page.items().forEach(i -> items.add(summary(i)));
            if (page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty()) {
                start = page.lastEvaluatedKey();
            } else {
                day = day.minusDays(1); // newest first: the previous day next
                start = null;
            }
        }
        String next = null;
        if (!day.isBefore(firstDay)) {
            next = start == null ? new TrackingCursor(day.toString(), null, null, null).encode()
                    : new TrackingCursor(day.toString(), str(start, Table.GSI1SK), str(start, Table.PK), str(start, Table.SK)).encode();
        }
        return new Page(items, next);
    }

    private QueryRequest request(TrackingQuery q, ReadScope scope, LocalDate day, Instant from, Instant to, int limit,
            Map<String, AttributeValue> start) {
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        values.put(":pk", s(DynamoCommunicationStore.gsi1pk(day.toString())));
        // whole seconds without the zone: "…:07" sorts before both "…:07Z" and "…:07.5Z" (Instant drops
        // zero fractions), "…:07\uffff" after both, so each bound includes its whole second
        values.put(":from", s(secondPrefix(from)));
        values.put(":to", s(secondPrefix(to) + "\uffff"));
        List<String> filters = new ArrayList<>();
        if (q.status() != null) {
            filters.add("#s = :status");
            names.put("#s", "status");
            values.put(":status", s(q.status().name()));
        }
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
        if (scope.owner() != null) {
            filters.add("createdBy = :owner");
            values.put(":owner", s(scope.owner()));
        }
        QueryRequest.Builder b = QueryRequest.builder().tableName(table.name()).indexName(Table.GSI1)
                .keyConditionExpression("GSI1PK = :pk AND GSI1SK BETWEEN :from AND :to")
                .expressionAttributeValues(values).scanIndexForward(false).limit(limit).exclusiveStartKey(start);
        if (!filters.isEmpty()) {
            b.filterExpression(String.join(" AND ", filters));
        }
        if (!names.isEmpty()) {
            b.expressionAttributeNames(names);
        }
        return b.build();
    }

    private static String secondPrefix(Instant at) {
        String iso = at.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString();
        return iso.substring(0, iso.length() - 1);
    }

    private static Map<String, AttributeValue> startKey(TrackingCursor c) {
        return new HashMap<>(Map.of(Table.GSI1PK, s(DynamoCommunicationStore.gsi1pk(c.day())), Table.GSI1SK, s(c.gsi1sk()),
                Table.PK, s(c.pk()), Table.SK, s(c.sk())));
    }

    private static Summary summary(Map<String, AttributeValue> d) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String k : COUNTS) {
            counts.put(k, num(d, "count_" + k));
        }
        return new Summary(str(d, "communicationId"), str(d, "status"), strings(d, "channels"), str(d, "customerId"),
                str(d, "vehicleId"), str(d, "createdAt"), str(d, "scheduledAt"), str(d, "sentAt"),
                str(d, "correlationId"), counts);
    }
}
