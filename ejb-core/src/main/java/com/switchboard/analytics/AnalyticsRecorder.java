package com.switchboard.analytics;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;

import com.switchboard.communication.RecipientStatus;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * Keeps the analytics counters as recipients move: one atomic ADD on
 * {@code STATS#<channel> / DAY#<yyyy-mm-dd>} and one on {@code HOUR#<yyyy-mm-ddThh>} (UTC, the hour
 * of the move). Called by the communication store after each successful transition, so nothing is
 * ever scanned to report. A counter that cannot be written is logged and lost rather than failing
 * the delivery it describes: statistics are estimates, deliveries are not.
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

    public void record(RecipientMove move) {
        if (move.channel() == null) {
            return;
        }
        Map<String, Long> adds = counters(move);
        if (adds.isEmpty()) {
            return;
        }
        String at = move.at() != null ? move.at() : Instant.now(clock).toString();
        try {
            add(AnalyticsKeys.pk(move.channel()), AnalyticsKeys.day(at), adds);
            add(AnalyticsKeys.pk(move.channel()), AnalyticsKeys.hour(at), adds);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "analytics counters for " + move.channel() + " " + move.from() + "→" + move.to()
                    + " not recorded", e);
        }
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
            update.append(i == 0 ? "" : ", ").append("#c").append(i).append(" :c").append(i);
            names.put("#c" + i, a.getKey());
            values.put(":c" + i, n(a.getValue()));
            i++;
        }
        dynamo.updateItem(b -> b.tableName(table.name()).key(key(pk, sk)).updateExpression(update.toString())
                .expressionAttributeNames(names).expressionAttributeValues(values));
    }
}
