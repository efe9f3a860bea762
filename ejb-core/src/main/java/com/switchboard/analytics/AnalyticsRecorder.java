package com.switchboard.analytics;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;

import com.switchboard.communication.RecipientMoves;
import com.switchboard.communication.RecipientStatus;
import com.switchboard.communication.RecipientStatusChanged;
import com.switchboard.store.Table;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Keeps the analytics counters as recipients move: atomic ADDs on
 * {@code STATS#<channel> / DAY#<yyyy-mm-dd>} and on {@code HOUR#<yyyy-mm-ddThh>} (UTC, the hour of
 * the move), observed on every move {@link RecipientMoves} makes, so nothing is
 * ever scanned to report. Moves are summed in memory and written by {@link #flush} (every second,
 * {@link AnalyticsFlushTimer}): one UpdateItem per counter item per flush instead of two per move,
 * which at a thousand moves a second is most of DynamoDB's work. A counter that cannot be written
 * is kept for the next flush and logged; what a server holds when it dies is lost rather than
 * slowing the deliveries it describes: statistics are estimates, deliveries are not.
 */
@ApplicationScoped
public class AnalyticsRecorder {
    private static final Logger LOG = Logger.getLogger(AnalyticsRecorder.class.getName());

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    ChannelPrices prices;

    @Inject
    Clock clock;

    /** Sums not yet written, by {@code <PK> <SK>} of the counter item, then by counter. Guarded by this. */
    private Map<String, Map<String, Long>> unwritten = new HashMap<>();

    /** Counts each move as {@link RecipientMoves} announces it, before the other observers (a failing one cannot lose the count). */
    void moved(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) RecipientStatusChanged change) {
        record(RecipientMove.of(change.from(), change.status(), change.item()));
    }

    public void record(RecipientMove move) {
        if (move.channel() == null) {
            return;
        }
        Map<String, Long> adds = counters(move);
        if (adds.isEmpty()) {
            return;
        }
        String at = move.at() != null ? move.at() : Instant.now(clock).toString();
        synchronized (this) {
            sum(AnalyticsKeys.pk(move.channel()) + " " + AnalyticsKeys.day(at), adds);
            sum(AnalyticsKeys.pk(move.channel()) + " " + AnalyticsKeys.hour(at), adds);
        }
    }

    private void sum(String counterKey, Map<String, Long> adds) {
        Map<String, Long> sums = unwritten.computeIfAbsent(counterKey, k -> new HashMap<>());
        adds.forEach((name, value) -> sums.merge(name, value, Long::sum));
    }

    /** Writes what was recorded since the last flush: one atomic ADD per counter item. */
    public void flush() {
        Map<String, Map<String, Long>> writing;
        synchronized (this) {
            if (unwritten.isEmpty()) {
                return;
            }
            writing = unwritten;
            unwritten = new HashMap<>();
        }
        for (Map.Entry<String, Map<String, Long>> counter : writing.entrySet()) {
            String[] key = counter.getKey().split(" ", 2);
            try {
                add(key[0], key[1], counter.getValue());
            } catch (RuntimeException e) {
                LOG.log(
                        Level.WARNING,
                        "analytics counters " + counter.getKey() + " not written; kept for the next flush",
                        e);
                synchronized (this) {
                    sum(counter.getKey(), counter.getValue());
                }
            }
        }
    }

    @PreDestroy
    void flushOnStop() {
        flush();
    }

    /** What one move adds, by counter attribute. */
    Map<String, Long> counters(RecipientMove m) {
        Map<String, Long> adds = new LinkedHashMap<>();
        if (m.from() == RecipientStatus.Pending) {
            adds.put("attempted", 1L);
            if (m.fallback()) {
                adds.put("fallbacks", 1L);
            }
        }
        if (m.to() == RecipientStatus.Sent) {
            adds.put("sent", 1L);
            adds.put("costMicros", prices.micros(m.channel(), m.segments()));
        } else if (m.to() == RecipientStatus.Delivered) {
            adds.put("delivered", 1L);
            elapsed(m).ifPresent(d -> adds.put(TimeToDeliver.bucket(d), 1L));
        } else if (m.to() == RecipientStatus.Failed) {
            adds.put("failed", 1L);
            adds.put(FailureReasons.PREFIX + FailureReasons.normalise(m.reason()), 1L);
            if (FailureReasons.optedOut(m.reason())) {
                adds.put("optedOut", 1L);
            }
        }
        return adds;
    }

    private static java.util.Optional<Duration> elapsed(RecipientMove m) {
        if (m.sentAt() == null) {
            return java.util.Optional.empty();
        }
        try {
            Instant delivered = Instant.parse(m.deliveredAt() != null ? m.deliveredAt() : m.at());
            return java.util.Optional.of(Duration.between(Instant.parse(m.sentAt()), delivered));
        } catch (DateTimeParseException | NullPointerException e) {
            return java.util.Optional.empty();
        }
    }

    private void add(String pk, String sk, Map<String, Long> adds) {
        StringBuilder update = new StringBuilder("SET #type = :type ADD ");
        Map<String, String> names = new HashMap<>(Map.of("#type", "type"));
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":type", AttributeValue.fromS("ChannelStats")));
        int i = 0;
        for (Map.Entry<String, Long> a : adds.entrySet()) {
            update.append(i == 0 ? "" : ", ")
                    .append("#c")
                    .append(i)
                    .append(" :c")
                    .append(i);
            names.put("#c" + i, a.getKey());
            values.put(":c" + i, n(a.getValue()));
            i++;
        }
        dynamo.updateItem(b -> b.tableName(table.name())
                .key(key(pk, sk))
                .updateExpression(update.toString())
                .expressionAttributeNames(names)
                .expressionAttributeValues(values));
    }
}
