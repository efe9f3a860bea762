package com.switchboard.channel.control;

import static com.switchboard.store.Items.bool;
import static com.switchboard.store.Items.flag;
import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.s;

import com.switchboard.channel.Channel;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

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

    /** The stored state, read consistently; empty when no operator ever paused the channel. */
    public Optional<Boolean> paused(Channel channel) {
        var result = dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(channel), SK)).consistentRead(true));
        if (!result.hasItem() || result.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(flag(result.item(), "paused"));
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
