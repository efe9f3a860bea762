package com.switchboard.communication;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.channel.Channel;
import com.switchboard.store.BatchWriter;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code PROVIDERMSG#<provider message id> / REF}: which recipient a provider's message id belongs
 * to, written when the provider accepted it, so a receipt naming only the provider's id finds its
 * recipient with one GetItem. The pipeline writes a chunk's references with one BatchWriteItem.
 */
@ApplicationScoped
public class DynamoProviderRefStore {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchWriter batch;

    /** Which recipient a provider's message id belongs to. */
    public record ProviderRef(Channel channel, String communicationId, int index) {
    }

    /** Remembers which recipient each provider message id (the map's keys) belongs to, for the receipts to come. */
    public void putAll(Map<String, ProviderRef> refs) {
        batch.putAll(refs.entrySet().stream().map(e -> item(e.getKey(), e.getValue())).toList());
    }

    /** The recipient a provider's message id was recorded for, if any. */
    public Optional<ProviderRef> find(String providerMessageId) {
        var result = dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(providerMessageId), "REF")));
        if (!result.hasItem() || result.item().isEmpty()) {
            return Optional.empty();
        }
        var i = result.item();
        return Optional.of(new ProviderRef(Channel.valueOf(str(i, "channel")), str(i, "communicationId"), (int) num(i, "index")));
    }

    private static Map<String, AttributeValue> item(String providerMessageId, ProviderRef ref) {
        Map<String, AttributeValue> item = key(pk(providerMessageId), "REF");
        item.put("type", s("ProviderRef"));
        item.put("channel", s(ref.channel().name()));
        item.put("communicationId", s(ref.communicationId()));
        item.put("index", n(ref.index()));
        return item;
    }

    private static String pk(String providerMessageId) {
        return "PROVIDERMSG#" + providerMessageId;
    }
}
