package com.switchboard.apikey;

import static com.switchboard.store.Items.bool;
import static com.switchboard.store.Items.flag;
import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * {@code APIKEY#<sha256 of the key> / KEY} items: authentication reads one by its hash (GetItem,
 * never a Scan); the administrators' list and revoke-by-id go through GSI1
 * ({@code APIKEYS} / {@code KEYID#<keyId>}), one small partition.
 */
@ApplicationScoped
public class DynamoApiKeyStore {
    private static final String SK = "KEY";
    private static final String LIST_PARTITION = "APIKEYS";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    /** Stored form of a key: its hash and what an administrator may see. */
    record StoredKey(String hash, ApiKeyView view) {}

    void create(String hash, ApiKeyView key) {
        Map<String, AttributeValue> item = key(pk(hash), SK);
        item.put("type", s("ApiKey"));
        item.put("keyId", s(key.keyId()));
        item.put("client", s(key.client()));
        item.put("prefix", s(key.prefix()));
        item.put("createdAt", s(key.createdAt()));
        putIfPresent(item, "createdBy", key.createdBy());
        item.put(Table.GSI1PK, s(LIST_PARTITION));
        item.put(Table.GSI1SK, s(listKey(key.keyId())));
        dynamo.putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
    }

    Optional<StoredKey> findByHash(String hash) {
        var item = dynamo.getItem(
                        b -> b.tableName(table.name()).key(key(pk(hash), SK)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(stored(item));
    }

    Optional<StoredKey> findByKeyId(String keyId) {
        var request = QueryRequest.builder()
                .tableName(table.name())
                .indexName(Table.GSI1)
                .keyConditionExpression("GSI1PK = :p AND GSI1SK = :k")
                .expressionAttributeValues(Map.of(":p", s(LIST_PARTITION), ":k", s(listKey(keyId))))
                .build();
        return dynamo.queryPaginator(request).items().stream().findFirst().map(DynamoApiKeyStore::stored);
    }

    List<ApiKeyView> list() {
        var request = QueryRequest.builder()
                .tableName(table.name())
                .indexName(Table.GSI1)
                .keyConditionExpression("GSI1PK = :p")
                .expressionAttributeValues(Map.of(":p", s(LIST_PARTITION)))
                .build();
        List<ApiKeyView> keys = new ArrayList<>();
        dynamo.queryPaginator(request)
                .items()
                .forEach(item -> keys.add(stored(item).view()));
        keys.sort(Comparator.comparing(ApiKeyView::client).thenComparing(ApiKeyView::createdAt));
        return keys;
    }

    /** Marks the key revoked unless it already is; returns whether this call revoked it. */
    boolean revoke(String hash, Instant at, String by) {
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(pk(hash), SK))
                    .updateExpression("SET revokedAt = :at, revokedBy = :by")
                    .conditionExpression("attribute_exists(PK) AND attribute_not_exists(revokedAt)")
                    .expressionAttributeValues(Map.of(":at", s(at.toString()), ":by", s(by))));
            return true;
        } catch (ConditionalCheckFailedException alreadyRevoked) {
            return false;
        }
    }

    /** Grants or withdraws read-all; false when there is no such key. */
    boolean setReadAll(String hash, boolean readAll, Instant at, String by) {
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(pk(hash), SK))
                    .updateExpression("SET readAll = :r, readAllChangedAt = :at, readAllChangedBy = :by")
                    .conditionExpression("attribute_exists(PK)")
                    .expressionAttributeValues(Map.of(":r", bool(readAll), ":at", s(at.toString()), ":by", s(by))));
            return true;
        } catch (ConditionalCheckFailedException gone) {
            return false;
        }
    }

    /**
     * Records a use, at most once per {@code staleBefore} window, so a busy client does not turn
     * every request into a write. A lost race just means another request recorded it.
     */
    void recordUse(String hash, Instant at, Instant staleBefore) {
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(pk(hash), SK))
                    .updateExpression("SET lastUsedAt = :at")
                    .conditionExpression(
                            "attribute_exists(PK) AND (attribute_not_exists(lastUsedAt) OR lastUsedAt < :stale)")
                    .expressionAttributeValues(Map.of(":at", s(at.toString()), ":stale", s(staleBefore.toString()))));
        } catch (ConditionalCheckFailedException recentlyRecorded) {
            // another request of this client recorded a use within the window
        }
    }

    private static StoredKey stored(Map<String, AttributeValue> item) {
        String hash = str(item, Table.PK).substring("APIKEY#".length());
        return new StoredKey(
                hash,
                new ApiKeyView(
                        str(item, "keyId"),
                        str(item, "client"),
                        str(item, "prefix"),
                        str(item, "createdAt"),
                        str(item, "createdBy"),
                        str(item, "lastUsedAt"),
                        str(item, "revokedAt"),
                        str(item, "revokedBy"),
                        flag(item, "readAll")));
    }

    private static String pk(String hash) {
        return "APIKEY#" + hash;
    }

    private static String listKey(String keyId) {
        return "KEYID#" + keyId;
    }
}
