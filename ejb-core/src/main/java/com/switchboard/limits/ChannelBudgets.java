package com.switchboard.limits;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;

import com.switchboard.channel.Channel;
import com.switchboard.channel.DailyBudget;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * Daily spend budgets per channel, {@code budget.daily.<Channel>} in the units the provider bills
 * (SMS segments, WhatsApp messages), read at each use so an operator can change one without a
 * restart; a channel without the setting has none. Shared by every server: a server reserves
 * blocks of {@value #BLOCK} from a counter per channel and UTC day ({@code BUDGET#<channel>} /
 * {@code <yyyy-mm-dd>}) with one conditional ADD, then spends them in memory, so a block costs one
 * DynamoDB request and the servers together never pass the budget (what a server reserved and did
 * not spend by midnight is lost: it errs towards sending less). Once spent, the channel refuses
 * for the rest of the day without asking DynamoDB again; the caller fails the delivery fast (its
 * fallback channel takes over, if it has one) and {@code switchboard.channel.budget.refused}
 * counts it, with {@code switchboard.channel.budget.exhausted} at 1 to alert on.
 */
@ApplicationScoped
public class ChannelBudgets implements DailyBudget.Source {
    private static final Logger LOG = Logger.getLogger(ChannelBudgets.class.getName());
    static final long BLOCK = 100;
    static final String REFUSED = "switchboard.channel.budget.refused";
    static final String EXHAUSTED = "switchboard.channel.budget.exhausted";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    Clock clock;

    @Inject
    Config config;

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    private final Map<Channel, Allowance> allowances = new ConcurrentHashMap<>();

    /** What this server may still spend today without asking DynamoDB. */
    private static final class Allowance {
        String day;
        long limit;
        long left;
        boolean exhausted;
    }

    /** Empty when {@code units} may be spent on {@code channel} now; otherwise why not. */
    public Optional<String> take(Channel channel, long units) {
        OptionalLong limit = limit(channel);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        Allowance a = allowance(channel);
        String day = today();
        synchronized (a) {
            if (!day.equals(a.day) || a.limit != limit.getAsLong()) {
                // a new day, or the operator changed the budget: start from the shared counter again
                a.day = day;
                a.limit = limit.getAsLong();
                a.left = 0;
                a.exhausted = false;
            }
            if (a.left < units && !a.exhausted) {
                reserve(channel, a, units);
            }
            if (a.left >= units) {
                a.left -= units;
                return Optional.empty();
            }
        }
        registry.counter(REFUSED, new Tag("channel", channel.name())).inc();
        return Optional.of(
                "the daily " + channel + " budget of " + limit.getAsLong() + " " + unit(channel) + " is spent");
    }

    /** Units taken for a delivery the provider did not accept: this server may spend them again. */
    public void giveBack(Channel channel, long units) {
        Allowance a = allowances.get(channel);
        if (a == null || limit(channel).isEmpty()) {
            return;
        }
        synchronized (a) {
            if (today().equals(a.day)) {
                a.left += units;
            }
        }
    }

    /** The channel's budget today, or empty when it has none; reads the shared counter. */
    @Override
    public Optional<DailyBudget> today(Channel channel) {
        OptionalLong limit = limit(channel);
        if (limit.isEmpty()) {
            return Optional.empty();
        }
        long reserved = reserved(channel, today());
        return Optional.of(new DailyBudget(limit.getAsLong(), unit(channel), reserved, reserved >= limit.getAsLong()));
    }

    public static String unit(Channel channel) {
        return channel == Channel.SMS ? "segments" : "messages";
    }

    /** Reserves a block, or what is left of the day's budget when that is less; marks the channel spent. */
    private void reserve(Channel channel, Allowance a, long units) {
        long want = Math.max(units - a.left, Math.min(BLOCK, a.limit));
        for (int attempt = 0; attempt < 3; attempt++) {
            if (tryReserve(channel, a.day, want, a.limit)) {
                a.left += want;
                return;
            }
            long remaining = a.limit - reserved(channel, a.day);
            if (remaining + a.left < units) {
                break;
            }
            want = remaining; // less than a block is left: take exactly that
        }
        a.exhausted = true;
        LOG.warning(() ->
                "the daily " + channel + " budget of " + a.limit + " " + unit(channel) + " is spent for " + a.day);
    }

    private boolean tryReserve(Channel channel, String day, long n, long limit) {
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(pk(channel), day))
                    .updateExpression("ADD reserved :n")
                    .conditionExpression("attribute_not_exists(reserved) OR reserved <= :max")
                    .expressionAttributeValues(Map.of(":n", n(n), ":max", n(limit - n))));
            return true;
        } catch (ConditionalCheckFailedException overBudget) {
            return false;
        }
    }

    private long reserved(Channel channel, String day) {
        var item = dynamo.getItem(b ->
                        b.tableName(table.name()).key(key(pk(channel), day)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? 0 : num(item, "reserved");
    }

    private Allowance allowance(Channel channel) {
        return allowances.computeIfAbsent(channel, c -> {
            registry.gauge(EXHAUSTED, this, budgets -> budgets.exhausted(c), new Tag("channel", c.name()));
            return new Allowance();
        });
    }

    private int exhausted(Channel channel) {
        Allowance a = allowances.get(channel);
        if (a == null) {
            return 0;
        }
        OptionalLong limit = limit(channel);
        synchronized (a) {
            // a new day or a budget the operator changed clears the alert before the next send
            return a.exhausted && today().equals(a.day) && limit.isPresent() && limit.getAsLong() == a.limit ? 1 : 0;
        }
    }

    private OptionalLong limit(Channel channel) {
        return config.getOptionalValue("budget.daily." + channel.name(), Long.class)
                .map(OptionalLong::of)
                .orElse(OptionalLong.empty());
    }

    private String today() {
        return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).toString();
    }

    private static String pk(Channel channel) {
        return "BUDGET#" + channel.name();
    }
}
