package com.switchboard.preference;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.channel.Channel;
import com.switchboard.store.BatchReader;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Our own suppression list, one {@code SUPPRESSION#<channel>#<address> / ENTRY} item per address:
 * opt-outs, STOP replies, email hard bounces and complaints. The pipeline checks it with one
 * consistent BatchGetItem per chunk of tickets before calling any provider. Email addresses are
 * kept in lower case so the check does not depend on how a CSR typed them.
 */
@ApplicationScoped
public class DynamoSuppressionStore {
    private static final String SK = "ENTRY";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchReader reader;

    public Optional<Suppression> find(Channel channel, String address) {
        var result = dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(channel, address), SK)).consistentRead(true));
        if (!result.hasItem() || result.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entry(channel, address, result.item()));
    }

    /** The entries of those of {@code addresses} on the list, by address as given: one BatchGetItem for a chunk of tickets. */
    public Map<String, Suppression> findAll(Channel channel, Collection<String> addresses) {
        Map<String, Map<String, AttributeValue>> found = reader.getAll(addresses.stream().map(a -> key(pk(channel, a), SK)).toList());
        Map<String, Suppression> entries = new HashMap<>();
        for (String address : addresses) {
            var item = found.get(pk(channel, address) + " " + SK);
            if (item != null) {
                entries.put(address, entry(channel, address, item));
            }
        }
        return entries;
    }

    private static Suppression entry(Channel channel, String address, Map<String, AttributeValue> i) {
        String kind = str(i, "kind");
        return new Suppression(channel, address, kind == null ? Suppression.SUPPRESSED : kind, str(i, "reason"),
                str(i, "suppressedAt"));
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
