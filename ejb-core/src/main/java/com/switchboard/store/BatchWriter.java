package com.switchboard.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * BatchWriteItem in chunks of 25 (the API's limit), resubmitting what DynamoDB leaves unprocessed
 * under throttling with a growing pause, so a caller's write is either complete or an exception.
 */
@ApplicationScoped
public class BatchWriter {
    private static final int MAX_BATCH = 25;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    public void putAll(List<Map<String, AttributeValue>> items) {
        writeAll(items.stream()
                .map(i -> WriteRequest.builder().putRequest(p -> p.item(i)).build())
                .toList());
    }

    public void deleteAll(List<Map<String, AttributeValue>> keys) {
        writeAll(keys.stream()
                .map(k -> WriteRequest.builder().deleteRequest(d -> d.key(k)).build())
                .toList());
    }

    private void writeAll(List<WriteRequest> requests) {
        for (int i = 0; i < requests.size(); i += MAX_BATCH) {
            Map<String, List<WriteRequest>> pending =
                    Map.of(table.name(), requests.subList(i, Math.min(i + MAX_BATCH, requests.size())));
            for (int round = 0; !pending.isEmpty(); round++) {
                if (round > 0) {
                    pause(round);
                }
                Map<String, List<WriteRequest>> batch = pending;
                pending = dynamo.batchWriteItem(b -> b.requestItems(batch)).unprocessedItems();
            }
        }
    }

    /** The growing pause before asking DynamoDB again for what it left unprocessed. */
    static void pause(int round) {
        try {
            Thread.sleep(Math.min(1000, 20L << Math.min(round, 6)));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while retrying unprocessed writes", e);
        }
    }
}
