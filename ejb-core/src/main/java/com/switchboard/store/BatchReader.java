package com.switchboard.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * BatchGetItem in chunks of 100 keys (the API's limit), asking again for what DynamoDB leaves
 * unprocessed, so the pipeline reads a chunk of recipients (or their suppression entries) with one
 * request instead of one GetItem each. Reads are strongly consistent: a ticket may arrive right
 * after its items were written.
 */
@ApplicationScoped
public class BatchReader {
    private static final int MAX_BATCH = 100;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    /** The items found for {@code keys}, by key ({@code PK + " " + SK}); duplicate keys are read once. */
    public Map<String, Map<String, AttributeValue>> getAll(List<Map<String, AttributeValue>> keys) {
        return getAll(keys, null);
    }

    /** {@link #getAll(List)} of the attributes {@code attributes} names (and the keys) only; null: all. */
    public Map<String, Map<String, AttributeValue>> getAll(
            List<Map<String, AttributeValue>> keys, List<String> attributes) {
        List<Map<String, AttributeValue>> distinct = new ArrayList<>(new LinkedHashSet<>(keys));
        Map<String, Map<String, AttributeValue>> found = new HashMap<>();
        for (int i = 0; i < distinct.size(); i += MAX_BATCH) {
            List<Map<String, AttributeValue>> slice = distinct.subList(i, Math.min(i + MAX_BATCH, distinct.size()));
            Map<String, KeysAndAttributes> pending = Map.of(table.name(), keysAndAttributes(slice, attributes));
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round > 0) {
                    BatchWriter.pause(round);
                }
                Map<String, KeysAndAttributes> request = pending;
                var result = dynamo.batchGetItem(b -> b.requestItems(request));
                result.responses().getOrDefault(table.name(), List.of()).forEach(item -> found.put(id(item), item));
                pending = result.unprocessedKeys();
            }
        }
        return found;
    }

    private static KeysAndAttributes keysAndAttributes(
            List<Map<String, AttributeValue>> keys, List<String> attributes) {
        KeysAndAttributes.Builder b = KeysAndAttributes.builder().keys(keys).consistentRead(true);
        if (attributes != null) {
            Map<String, String> names = new HashMap<>();
            List<String> projected = new ArrayList<>(List.of(Table.PK, Table.SK));
            projected.addAll(attributes);
            for (int i = 0; i < projected.size(); i++) {
                names.put("#a" + i, projected.get(i));
            }
            b.projectionExpression(
                            String.join(", ", names.keySet().stream().sorted().toList()))
                    .expressionAttributeNames(names);
        }
        return b.build();
    }

    /** The map key {@link #getAll} files an item (or a key) under. */
    public static String id(Map<String, AttributeValue> item) {
        return Items.str(item, Table.PK) + " " + Items.str(item, Table.SK);
    }
}
