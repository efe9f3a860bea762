package com.switchboard.tracking;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.s;

import com.switchboard.channel.Channel;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Addresses a channel must not send to any more (an email hard bounce or complaint), one
 * {@code SUPPRESSION#<channel>#<address>} / {@code ENTRY} item each. Email addresses are kept in
 * lower case so that the check does not depend on how a CSR typed them.
 */
@ApplicationScoped
public class SuppressionList {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    Clock clock;

    public void add(Channel channel, String address, String reason) {
        Map<String, AttributeValue> item = key(pk(channel, address), "ENTRY");
        item.put("type", s("Suppression"));
        item.put("channel", s(channel.name()));
        item.put("address", s(normalise(channel, address)));
        item.put("reason", s(reason));
        item.put("createdAt", s(Instant.now(clock).toString()));
        dynamo.putItem(b -> b.tableName(table.name()).item(item));
    }

    public boolean contains(Channel channel, String address) {
        var r = dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(channel, address), "ENTRY")));
        return r.hasItem() && !r.item().isEmpty();
    }

    private static String pk(Channel channel, String address) {
        return "SUPPRESSION#" + channel.name() + "#" + normalise(channel, address);
    }

    private static String normalise(Channel channel, String address) {
        String a = address.trim();
        return channel == Channel.Email ? a.toLowerCase(Locale.ROOT) : a;
    }
}
