package com.switchboard.audit;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.error.InvalidRequestException;
import com.switchboard.store.OpaqueCursor;
import com.switchboard.store.Retention;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.security.Principal;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Every administrative action (API keys, webhook subscriptions, channel pause, resume and
 * dead-letter replay, test sends, suppression lifts, stakeholder profiles), whoever made it through
 * the API, the console or JMX: {@code AUDIT#<yyyy-mm-dd>} / {@code <at>#<id>}, newest read first,
 * kept as long as communications ({@code retention.communications.days}). A few items a day, so one
 * partition per day is never hot. The caller is the authenticated principal of the request or JMX
 * call ({@code system} when there is none, as in a timer); {@link AuditInterceptor} records each
 * action of an {@link Audited} method when it was made, a failed one with its failure too.
 */
@ApplicationScoped
public class AuditLog {
    private static final Logger LOG = Logger.getLogger(AuditLog.class.getName());
    private static final String PARTITION = "AUDIT#";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    Clock clock;

    @Inject
    Retention retention;

    @Inject
    Principal principal;

    /** Records an action made just now by the current caller. */
    public void record(String action, String target, String detail, String outcome) {
        Instant now = clock.instant();
        Map<String, AttributeValue> item =
                key(PARTITION + LocalDate.ofInstant(now, ZoneOffset.UTC), now + "#" + UUID.randomUUID());
        item.put("type", s("Audit"));
        item.put("at", s(now.toString()));
        String who = caller();
        item.put("who", s(who));
        item.put("action", s(action));
        putIfPresent(item, "target", target);
        putIfPresent(item, "detail", detail);
        item.put("outcome", s(outcome));
        item.put(Retention.ATTRIBUTE, retention.communicationExpiry(now));
        try {
            dynamo.putItem(b -> b.tableName(table.name()).item(item));
        } catch (RuntimeException e) {
            // the action is made; its record is lost with a trace in the log, never the action
            LOG.log(Level.SEVERE, "audit record lost: " + who + " " + action + " " + target + " " + outcome, e);
        }
    }

    /** A page of one UTC day's actions, newest first, and the cursor of the next page (null at the end). */
    public Page day(LocalDate day, int limit, String cursor) {
        String partition = PARTITION + day;
        Map<String, AttributeValue> start = cursor == null
                ? null
                : key(
                        partition,
                        OpaqueCursor.decode(cursor)
                                .orElseThrow(
                                        () -> InvalidRequestException.invalid("next", "not a cursor this list gave")));
        QueryResponse r = dynamo.query(b -> b.tableName(table.name())
                .keyConditionExpression("PK = :p")
                .expressionAttributeValues(Map.of(":p", s(partition)))
                .scanIndexForward(false)
                .limit(limit)
                .exclusiveStartKey(start));
        List<AuditEntry> entries = new ArrayList<>();
        for (Map<String, AttributeValue> i : r.items()) {
            entries.add(new AuditEntry(
                    str(i, "at"),
                    str(i, "who"),
                    str(i, "action"),
                    str(i, "target"),
                    str(i, "detail"),
                    str(i, "outcome")));
        }
        return new Page(
                entries, r.hasLastEvaluatedKey() ? OpaqueCursor.encode(str(r.lastEvaluatedKey(), Table.SK)) : null);
    }

    public record Page(List<AuditEntry> entries, String next) {}

    private String caller() {
        try {
            Principal p = principal;
            String name = p == null ? null : p.getName();
            return name == null || name.isBlank() || "UNAUTHENTICATED".equals(name) ? "system" : name;
        } catch (RuntimeException noSecurityContext) {
            return "system";
        }
    }
}
