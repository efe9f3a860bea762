package com.switchboard.preference;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.channel.Channel;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Our own suppression list, one {@code SUPPRESSION#<channel>#<address> / ENTRY} item per address:
 * opt-outs, STOP replies, email hard bounces and complaints. The pipeline checks it with one
 * consistent GetItem before calling any provider. Email addresses are kept in lower case so the
 * check does not depend on how a CSR typed them.
 */
@ApplicationScoped
public class DynamoSuppressionStore {
    private static final String SK = "ENTRY";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    public Optional<Suppression> find(Channel channel, String address) {
        var result = dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(channel, address), SK)).consistentRead(true));
        if (!result.hasItem() || result.item().isEmpty()) {
            return Optional.empty();
        }
        var i = result.item();
        String kind = str(i, "kind");
        return Optional.of(new Suppression(channel, address, kind == null ? Suppression.SUPPRESSED : kind, str(i, "reason"),
                str(i, "suppressedAt")));
    }

    /** Adds or refreshes the entry; the latest reason wins. */
    public void suppress(Suppression entry) {
        Map<String, AttributeValue> item = key(pk(entry.channel(), entry.address()), SK);
        item.put("type", s("Suppression"));
        item.put("channel", s(entry.channel().name()));
        item.put("address", s(normalise(entry.channel(), entry.address())));
        item.put("kind", s(entry.kind()));
        item.put("reason", s(entry.reason()));
        item.put("suppressedAt", s(entry.since()));
        dynamo.putItem(b -> b.tableName(table.name()).item(item));
    }

    public void lift(Channel channel, String address) {
        dynamo.deleteItem(b -> b.tableName(table.name()).key(key(pk(channel, address), SK)));
    }

    static String pk(Channel channel, String address) {
        return "SUPPRESSION#" + channel.name() + "#" + normalise(channel, address);
    }

    private static String normalise(Channel channel, String address) {
        String a = address.trim();
        return channel == Channel.Email ? a.toLowerCase(Locale.ROOT) : a;
    }
}
