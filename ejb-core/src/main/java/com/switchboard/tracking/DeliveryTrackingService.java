package com.switchboard.tracking;

import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;

import com.switchboard.communication.CommunicationView;
import com.switchboard.communication.CountItems;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.DynamoCommunicationViews;
import com.switchboard.communication.ReadScope;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.store.Shards;
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
import java.util.Comparator;
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
 * list: Queries on GSI3, one creation day at a time from {@code to} back to {@code from}, all the
 * day's write shards ({@code COMMS#<yyyy-mm-dd>#<shard>}) in parallel and merged, sort key
 * {@code <createdAt>#<id>} bounded by from/to, newest first; status, channel, customer, vehicle and
 * (for an integration client) creator as a FilterExpression — never a Scan. Each shard gives at
 * most a page's worth (DynamoDB applies Limit before the filter, so a shard repeats its Query for
 * what is still missing), the merge keeps the newest page of them, and the cursor is the day and
 * the last sort key given: keys are unique and never change, so the next page, every shard read
 * below that key, stays exact while statuses move under it.
 */
@ApplicationScoped
public class DeliveryTrackingService {
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

    @Inject
    Shards shards;

    public Timeline timeline(String communicationId, ReadScope scope) {
        CommunicationView view = communications
                .view(communicationId)
                .filter(c -> scope.allows(c.createdBy()))
                .orElseThrow(() -> new NotFoundException("communication", communicationId));
        Map<Integer, List<DeliveryEvent>> byRecipient = new HashMap<>();
        for (DeliveryEvent e : events.events(communicationId)) {
            byRecipient
                    .computeIfAbsent(e.recipientIndex(), i -> new ArrayList<>())
                    .add(e);
        }
        List<RecipientTimeline> recipients = view.recipients().stream()
                .map(r -> new RecipientTimeline(
                        r.index(),
                        r.channel(),
                        r.address(),
                        r.status(),
                        r.providerMessageId(),
                        r.sentAt(),
                        r.deliveredAt(),
                        r.reason(),
                        r.heldFor(),
                        r.heldUntil(),
                        byRecipient.getOrDefault(r.index(), List.of())))
                .toList();
        return new Timeline(view.communicationId(), view.status(), view.createdAt(), view.correlationId(), recipients);
    }

    public Page list(TrackingQuery q, ReadScope scope) {
        Instant to = q.to() != null ? q.to() : Instant.now(clock);
        Instant from = q.from() != null ? q.from() : to.minus(DEFAULT_RANGE);
        if (Duration.between(from, to).compareTo(MAX_RANGE) > 0) {
            throw InvalidRequestException.invalid(
                    "from", "the range from..to spans at most " + MAX_RANGE.toDays() + " days");
        }
        LocalDate firstDay = LocalDate.ofInstant(from, ZoneOffset.UTC);
        LocalDate day = q.cursor() == null
                ? LocalDate.ofInstant(to, ZoneOffset.UTC)
                : LocalDate.parse(q.cursor().day());
        String before = q.cursor() != null ? q.cursor().sortKey() : null;
        if (before != null
                && (before.compareTo(secondPrefix(from)) < 0 || before.compareTo(secondPrefix(to) + "\uffff") > 0)) {
            // DynamoDB refuses a sort key range that ends before it starts: the cursor came from another query
            throw InvalidRequestException.invalid("next", "the cursor does not belong to this query's from..to range");
        }
        List<Map<String, AttributeValue>> entries = new ArrayList<>();
        String next = null;
        while (!day.isBefore(firstDay) && entries.size() < q.limit()) {
            int need = q.limit() - entries.size();
            LocalDate d = day;
            String upTo = before;
            List<ShardPage> pages =
                    shards.read(shards.all(), shard -> shardPage(q, scope, d, shard, from, to, upTo, need));
            List<Map<String, AttributeValue>> merged = pages.stream()
                    .flatMap(p -> p.items().stream())
                    .sorted(Comparator.comparing((Map<String, AttributeValue> i) -> str(i, Table.GSI3SK))
                            .reversed())
                    .toList();
            List<Map<String, AttributeValue>> taken = merged.subList(0, Math.min(need, merged.size()));
            entries.addAll(taken);
            if (merged.size() > need || pages.stream().anyMatch(ShardPage::more)) {
                // this day has more: the next page starts below the last key given (keys are unique)
                next = new TrackingCursor(day.toString(), str(taken.get(taken.size() - 1), Table.GSI3SK)).encode();
                break;
            }
            day = day.minusDays(1); // newest first: the previous day next
            before = null;
        }
        if (next == null && entries.size() == q.limit() && !day.isBefore(firstDay)) {
            next = new TrackingCursor(day.toString(), null).encode();
        }
        // the counts are not in GSI3 (their moves would write it): the page's, with one BatchGetItem
        Map<String, Map<String, Long>> counts = communications.counts(
                entries.stream().map(e -> str(e, "communicationId")).toList());
        return new Page(
                entries.stream()
                        .map(e -> summary(e, counts.get(str(e, "communicationId"))))
                        .toList(),
                next);
    }

    /** Up to {@code need} matching items of one shard of one day, newest first, below {@code before}; more: it may hold others. */
    private record ShardPage(List<Map<String, AttributeValue>> items, boolean more) {}

    private ShardPage shardPage(
            TrackingQuery q,
            ReadScope scope,
            LocalDate day,
            int shard,
            Instant from,
            Instant to,
            String before,
            int need) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        Map<String, AttributeValue> start = null;
        do {
            // the key condition includes its upper bound: one more is asked for when that is the cursor's own item
            QueryResponse page = dynamo.query(request(
                    q,
                    scope,
                    DynamoCommunicationStore.dayPartition(day.toString(), shard),
                    from,
                    to,
                    before,
                    need - items.size() + (before == null ? 0 : 1),
                    start));
            page.items().stream()
                    .filter(i -> !str(i, Table.GSI3SK).equals(before))
                    .forEach(items::add);
            start = page.hasLastEvaluatedKey() && !page.lastEvaluatedKey().isEmpty() ? page.lastEvaluatedKey() : null;
        } while (start != null && items.size() < need);
        return new ShardPage(
                items.size() > need ? items.subList(0, need) : items, start != null || items.size() > need);
    }

    private QueryRequest request(
            TrackingQuery q,
            ReadScope scope,
            String partition,
            Instant from,
            Instant to,
            String before,
            int limit,
            Map<String, AttributeValue> start) {
        Map<String, AttributeValue> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        values.put(":pk", s(partition));
        // whole seconds without the zone: "…:07" sorts before both "…:07Z" and "…:07.5Z" (Instant drops
        // zero fractions), "…:07\uffff" after both, so each bound includes its whole second
        values.put(":from", s(secondPrefix(from)));
        values.put(":to", s(before != null ? before : secondPrefix(to) + "\uffff"));
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
        QueryRequest.Builder b = QueryRequest.builder()
                .tableName(table.name())
                .indexName(Table.GSI3)
                .keyConditionExpression("GSI3PK = :pk AND GSI3SK BETWEEN :from AND :to")
                .expressionAttributeValues(values)
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(start);
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

    private static Summary summary(Map<String, AttributeValue> d, Map<String, Long> found) {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String k : CountItems.STATUSES) {
            counts.put(k, found == null ? 0 : found.getOrDefault(k, 0L));
        }
        return new Summary(
                str(d, "communicationId"),
                str(d, "status"),
                strings(d, "channels"),
                str(d, "customerId"),
                str(d, "vehicleId"),
                str(d, "createdAt"),
                str(d, "scheduledAt"),
                str(d, "sentAt"),
                str(d, "correlationId"),
                counts);
    }
}
