package com.switchboard.channel.control;

import static com.switchboard.store.Items.bool;
import static com.switchboard.store.Items.flag;
import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.s;

import com.switchboard.channel.Channel;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * Whether an operator paused a channel, as one {@code CHANNEL#<channel> / PAUSE} item, so every
 * server (and a restarted one) holds or releases the channel's messages alike. Absent means running.
 */
@ApplicationScoped
public class DynamoChannelPauseStore {
    private static final String SK = "PAUSE";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    /** Every channel's stored state in one consistent BatchGetItem: what each server applies every few seconds. */
    public Map<Channel, Boolean> pausedAll() {
        List<Map<String, AttributeValue>> keys =
                Arrays.stream(Channel.values()).map(c -> key(pk(c), SK)).toList();
        Map<Channel, Boolean> paused = new EnumMap<>(Channel.class);
        var result = dynamo.batchGetItem(b -> b.requestItems(Map.of(
                table.name(),
                KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
        if (!result.unprocessedKeys().isEmpty()) {
            throw new IllegalStateException("DynamoDB left channel states unread; the next round reads them again");
        }
        for (var item : result.responses().getOrDefault(table.name(), List.of())) {
            paused.put(Channel.valueOf(item.get("channel").s()), flag(item, "paused"));
        }
        return paused;
    }

    public void save(Channel channel, boolean paused, String changedAt) {
        Map<String, AttributeValue> item = key(pk(channel), SK);
        item.put("type", s("ChannelPause"));
        item.put("channel", s(channel.name()));
        item.put("paused", bool(paused));
        item.put("changedAt", s(changedAt));
        dynamo.putItem(b -> b.tableName(table.name()).item(item));
    }

    static String pk(Channel channel) {
        return "CHANNEL#" + channel.name();
    }
}
