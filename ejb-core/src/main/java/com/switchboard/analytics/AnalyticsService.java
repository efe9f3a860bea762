package com.switchboard.analytics;

import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.analytics.AnalyticsReport.ChannelReport;
import com.switchboard.analytics.AnalyticsReport.Point;
import com.switchboard.analytics.AnalyticsReport.ReasonCount;
import com.switchboard.channel.Channel;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads the analytics counters: one Query per channel over {@code STATS#<channel>} with the sort
 * key between the range's first and last day (or hour) — at most 4 Queries, never a Scan — and adds
 * them up into totals, percentiles, top failure reasons, estimated cost and the fallback share.
 */
@ApplicationScoped
public class AnalyticsService {
    static final int TOP_REASONS = 5;
    static final int MAX_REASONS = 100;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    public AnalyticsReport report(AnalyticsQuery q) {
        return report(q, null);
    }

    /**
     * @param reasons how many failure reasons per channel, most frequent first (1 to 100; null: 5)
     * @throws InvalidRequestException (400) for a count out of range
     */
    public AnalyticsReport report(AnalyticsQuery q, Integer reasons) {
        if (reasons != null && (reasons < 1 || reasons > MAX_REASONS)) {
            throw InvalidRequestException.invalid("reasons", "between 1 and " + MAX_REASONS);
        }
        int top = reasons == null ? TOP_REASONS : reasons;
        List<Channel> channels = q.channel().map(List::of).orElse(List.of(Channel.values()));
        Map<Channel, List<Map<String, AttributeValue>>> items = new LinkedHashMap<>();
        for (Channel c : channels) {
            items.put(c, counters(c, q));
        }
        long allFallbacks = items.values().stream()
                .flatMap(List::stream)
                .mapToLong(i -> num(i, "fallbacks"))
                .sum();
        List<ChannelReport> reports = new ArrayList<>();
        items.forEach((c, rows) -> reports.add(channelReport(c, q, rows, allFallbacks, top)));
        return new AnalyticsReport(
                q.from().toString(), q.to().toString(), q.granularity().name(), reports);
    }

    private List<Map<String, AttributeValue>> counters(Channel channel, AnalyticsQuery q) {
        List<Map<String, AttributeValue>> rows = new ArrayList<>();
        dynamo.queryPaginator(QueryRequest.builder()
                        .tableName(table.name())
                        .keyConditionExpression("PK = :pk AND SK BETWEEN :a AND :b")
                        .expressionAttributeValues(Map.of(
                                ":pk", s(AnalyticsKeys.pk(channel)), ":a", s(q.firstKey()), ":b", s(q.lastKey())))
                        .build())
                .items()
                .forEach(rows::add);
        return rows;
    }

    private static ChannelReport channelReport(
            Channel channel,
            AnalyticsQuery q,
            List<Map<String, AttributeValue>> rows,
            long allFallbacks,
            int topReasons) {
        Map<String, Long> totals = new HashMap<>();
        Map<String, Point> byBucket = new HashMap<>();
        for (Map<String, AttributeValue> row : rows) {
            row.forEach((name, v) -> {
                if (v.n() != null) {
                    totals.merge(name, Long.parseLong(v.n()), Long::sum);
                }
            });
            String bucket = str(row, "SK").substring(str(row, "SK").indexOf('#') + 1);
            byBucket.put(
                    bucket,
                    new Point(
                            bucket,
                            num(row, "sent"),
                            num(row, "delivered"),
                            num(row, "failed"),
                            TimeToDeliver.percentile(histogram(name -> num(row, name)), 0.5)));
        }
        List<Point> series = new ArrayList<>();
        for (Instant at = q.from(); !at.isAfter(q.to()); at = at.plus(q.step())) {
            String key = q.key(at);
            String bucket = key.substring(key.indexOf('#') + 1);
            series.add(byBucket.getOrDefault(bucket, new Point(bucket, 0, 0, 0, null)));
        }
        long attempted = totals.getOrDefault("attempted", 0L);
        long delivered = totals.getOrDefault("delivered", 0L);
        long fallbacks = totals.getOrDefault("fallbacks", 0L);
        Map<String, Long> ttd = histogram(name -> totals.getOrDefault(name, 0L));
        List<ReasonCount> reasons = totals.entrySet().stream()
                .filter(e -> e.getKey().startsWith(FailureReasons.PREFIX))
                .map(e -> new ReasonCount(e.getKey().substring(FailureReasons.PREFIX.length()), e.getValue()))
                .sorted(Comparator.comparingLong(ReasonCount::count).reversed().thenComparing(ReasonCount::reason))
                .limit(topReasons)
                .toList();
        return new ChannelReport(
                channel.name(),
                attempted,
                totals.getOrDefault("sent", 0L),
                delivered,
                totals.getOrDefault("failed", 0L),
                totals.getOrDefault("optedOut", 0L),
                attempted == 0 ? null : Math.min(1.0, (double) delivered / attempted),
                TimeToDeliver.percentile(ttd, 0.5),
                TimeToDeliver.percentile(ttd, 0.95),
                reasons,
                BigDecimal.valueOf(totals.getOrDefault("costMicros", 0L), 6),
                fallbacks,
                allFallbacks == 0 ? null : (double) fallbacks / allFallbacks,
                series);
    }

    private static Map<String, Long> histogram(java.util.function.ToLongFunction<String> count) {
        Map<String, Long> h = new LinkedHashMap<>();
        for (long bound : TimeToDeliver.BOUNDS) {
            h.put(TimeToDeliver.name(bound), count.applyAsLong(TimeToDeliver.name(bound)));
        }
        h.put(TimeToDeliver.OVERFLOW, count.applyAsLong(TimeToDeliver.OVERFLOW));
        return h;
    }
}
