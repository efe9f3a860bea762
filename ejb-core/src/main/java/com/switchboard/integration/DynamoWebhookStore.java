package com.switchboard.integration;

import static com.switchboard.store.Items.bool;
import static com.switchboard.store.Items.flag;
import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.list;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;

import com.switchboard.store.Retention;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Webhook subscriptions and their delivery attempts in the single table. Subscriptions share the
 * fixed partition {@code WEBHOOKS} ({@code SUBSCRIPTION#<id>}), so listing them is one Query, never
 * a Scan; each subscription's attempts live in {@code WEBHOOK#<id>} as
 * {@code ATTEMPT#<epoch ms, fixed width>#<webhook-id>#<n>}, newest read first.
 */
@ApplicationScoped
public class DynamoWebhookStore {
    private static final String SUBSCRIPTIONS = "WEBHOOKS";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    Retention retention;

    public void create(WebhookSubscription w) {
        Map<String, AttributeValue> item = key(SUBSCRIPTIONS, sk(w.id()));
        item.put("type", s("WebhookSubscription"));
        item.put("id", s(w.id()));
        item.put("url", s(w.url()));
        item.put("secret", s(w.secret()));
        item.put(
                "eventTypes",
                list(w.eventTypes().stream().map(WebhookEventType::wireName).toList()));
        putIfPresent(item, "description", w.description());
        item.put("state", s(w.state().name()));
        item.put("consecutiveFailures", n(0));
        item.put("createdAt", s(w.createdAt()));
        item.put("createdBy", s(w.createdBy()));
        dynamo.putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
    }

    public List<WebhookSubscription> all() {
        List<WebhookSubscription> all = new ArrayList<>();
        var pages = dynamo.queryPaginator(QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :sub)")
                .expressionAttributeValues(Map.of(":pk", s(SUBSCRIPTIONS), ":sub", s("SUBSCRIPTION#")))
                .build());
        pages.items().forEach(i -> all.add(subscription(i)));
        return all;
    }

    public Optional<WebhookSubscription> find(String id) {
        var result = dynamo.getItem(
                b -> b.tableName(table.name()).key(key(SUBSCRIPTIONS, sk(id))).consistentRead(true));
        return result.hasItem() && !result.item().isEmpty()
                ? Optional.of(subscription(result.item()))
                : Optional.empty();
    }

    /** Deletes the subscription; false when there was none. Its attempts stay readable until they age out. */
    public boolean delete(String id) {
        var old = dynamo.deleteItem(
                b -> b.tableName(table.name()).key(key(SUBSCRIPTIONS, sk(id))).returnValues(ReturnValue.ALL_OLD));
        return old.hasAttributes() && !old.attributes().isEmpty();
    }

    public void recordAttempt(String subscriptionId, WebhookAttempt a, long atMillis) {
        Map<String, AttributeValue> item = key(
                "WEBHOOK#" + subscriptionId,
                String.format("ATTEMPT#%013d#%s#%04d", atMillis, a.webhookId(), a.attempt()));
        item.put("type", s("WebhookAttempt"));
        item.put("webhookId", s(a.webhookId()));
        item.put("eventType", s(a.type()));
        item.put("attempt", n(a.attempt()));
        item.put("at", s(a.at()));
        if (a.statusCode() != null) {
            item.put("statusCode", n(a.statusCode()));
        }
        putIfPresent(item, "error", a.error());
        item.put("durationMs", n(a.durationMs()));
        item.put("succeeded", bool(a.succeeded()));
        item.put(Retention.ATTRIBUTE, retention.webhookAttemptExpiry(Instant.ofEpochMilli(atMillis)));
        dynamo.putItem(b -> b.tableName(table.name()).item(item));
    }

    /** The most recent attempts, newest first. */
    public List<WebhookAttempt> attempts(String subscriptionId, int limit) {
        var items = dynamo.query(b -> b.tableName(table.name())
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :a)")
                        .expressionAttributeValues(Map.of(":pk", s("WEBHOOK#" + subscriptionId), ":a", s("ATTEMPT#")))
                        .scanIndexForward(false)
                        .limit(limit))
                .items();
        return items.stream()
                .map(i -> new WebhookAttempt(
                        str(i, "webhookId"),
                        str(i, "eventType"),
                        (int) num(i, "attempt"),
                        str(i, "at"),
                        i.containsKey("statusCode") ? (int) num(i, "statusCode") : null,
                        str(i, "error"),
                        num(i, "durationMs"),
                        flag(i, "succeeded")))
                .toList();
    }

    /** A delivery succeeded: the run of failures is over. Only written when there was one. */
    public void succeeded(String id) {
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(SUBSCRIPTIONS, sk(id)))
                    .updateExpression("SET consecutiveFailures = :zero")
                    .conditionExpression("attribute_exists(PK) AND consecutiveFailures > :zero")
                    .expressionAttributeValues(Map.of(":zero", n(0))));
        } catch (ConditionalCheckFailedException nothingToReset) {
            // no failures to forget, or deleted meanwhile
        }
    }

    /** Counts one more failure in a row; returns the new count (0 when the subscription is gone). */
    public long failed(String id) {
        try {
            var updated = dynamo.updateItem(b -> b.tableName(table.name())
                            .key(key(SUBSCRIPTIONS, sk(id)))
                            .updateExpression("ADD consecutiveFailures :one")
                            .conditionExpression("attribute_exists(PK)")
                            .expressionAttributeValues(Map.of(":one", n(1)))
                            .returnValues(ReturnValue.UPDATED_NEW))
                    .attributes();
            return num(updated, "consecutiveFailures");
        } catch (ConditionalCheckFailedException deleted) {
            return 0;
        }
    }

    /** Disables an enabled subscription; false when it was already disabled or deleted (another server won). */
    public boolean disable(String id, String reason, String at) {
        return setState(
                id,
                WebhookSubscription.State.enabled,
                "SET #st = :to, disabledAt = :at, disabledReason = :why",
                Map.of(":at", s(at), ":why", s(reason)),
                WebhookSubscription.State.disabled);
    }

    /** Enables a disabled subscription again with a clean failure count. */
    public boolean enable(String id) {
        return setState(
                id,
                WebhookSubscription.State.disabled,
                "SET #st = :to, consecutiveFailures = :zero REMOVE disabledAt, disabledReason",
                Map.of(":zero", n(0)),
                WebhookSubscription.State.enabled);
    }

    private boolean setState(
            String id,
            WebhookSubscription.State from,
            String update,
            Map<String, AttributeValue> more,
            WebhookSubscription.State to) {
        Map<String, AttributeValue> values = new HashMap<>(more);
        values.put(":from", s(from.name()));
        values.put(":to", s(to.name()));
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(SUBSCRIPTIONS, sk(id)))
                    .updateExpression(update)
                    .conditionExpression("#st = :from")
                    .expressionAttributeNames(Map.of("#st", "state"))
                    .expressionAttributeValues(values));
            return true;
        } catch (ConditionalCheckFailedException notInThatState) {
            return false;
        }
    }

    private static WebhookSubscription subscription(Map<String, AttributeValue> i) {
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        strings(i, "eventTypes").forEach(t -> WebhookEventType.parse(t).ifPresent(types::add));
        return new WebhookSubscription(
                str(i, "id"),
                str(i, "url"),
                str(i, "secret"),
                types,
                str(i, "description"),
                WebhookSubscription.State.valueOf(str(i, "state")),
                num(i, "consecutiveFailures"),
                str(i, "createdAt"),
                str(i, "createdBy"),
                str(i, "disabledAt"),
                str(i, "disabledReason"));
    }

    private static String sk(String id) {
        return "SUBSCRIPTION#" + id;
    }
}
