package com.switchboard.scheduling;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.communication.NewCommunication;
import com.switchboard.store.Keys;
import com.switchboard.store.Retention;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The planned recipients of a big send, kept as {@code COMMUNICATION#<id>} / {@code FANOUT#<nnnn>}
 * items of a few hundred each (as one JSON attribute) so the request thread writes tens
 * of items instead of thousands; the fan-out consumer turns each into recipient items. They stay
 * after use: a redelivered chunk message must still find its recipients; TTL removes them with the
 * communication ({@link Retention}).
 */
@ApplicationScoped
public class DynamoFanOutStore {
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Type PLANNED_LIST = new ArrayList<NewCommunication.Planned>() {
        private static final long serialVersionUID = 1L;
    }.getClass().getGenericSuperclass();

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    Retention retention;

    /** The chunk items for {@code recipients} of a communication created at {@code createdAt}, {@code size} to a chunk. */
    public List<Map<String, AttributeValue>> chunkItems(
            String communicationId, String createdAt, List<NewCommunication.Planned> recipients, int size) {
        AttributeValue expiresAt = retention.communicationExpiry(createdAt);
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        for (int from = 0, chunk = 0; from < recipients.size(); from += size, chunk++) {
            Map<String, AttributeValue> item = key(Keys.communication(communicationId), sk(chunk));
            item.put("type", s("FanOutChunk"));
            item.put("chunk", n(chunk));
            item.put(
                    "recipients",
                    s(JSONB.toJson(
                            new ArrayList<>(recipients.subList(from, Math.min(from + size, recipients.size()))),
                            PLANNED_LIST)));
            item.put(Retention.ATTRIBUTE, expiresAt);
            items.add(item);
        }
        return items;
    }

    public static int chunkCount(int recipients, int size) {
        return (recipients + size - 1) / size;
    }

    /** The recipients of one chunk; empty when the chunk is not (or no longer) stored. */
    public List<NewCommunication.Planned> chunk(String communicationId, int chunk) {
        var item = dynamo.getItem(b -> b.tableName(table.name())
                        .key(key(Keys.communication(communicationId), sk(chunk)))
                        .consistentRead(true))
                .item();
        String json = str(item, "recipients");
        return json == null ? List.of() : JSONB.fromJson(json, PLANNED_LIST);
    }

    public List<Map<String, AttributeValue>> chunkKeys(String communicationId, int chunks) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int chunk = 0; chunk < chunks; chunk++) {
            keys.add(key(Keys.communication(communicationId), sk(chunk)));
        }
        return keys;
    }

    private static String sk(int chunk) {
        return "FANOUT#" + String.format("%04d", chunk);
    }
}
