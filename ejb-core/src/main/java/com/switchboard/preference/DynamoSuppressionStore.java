package com.switchboard.preference;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.channel.Channel;
import com.switchboard.store.BatchReader;
import com.switchboard.store.BatchWriter;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Our own suppression list, one {@code SUPPRESSION#<channel>#<address> / ENTRY} item per address:
 * opt-outs, STOP replies, email hard bounces and complaints. The pipeline checks it with one
 * consistent BatchGetItem per chunk of tickets before calling any provider. Email addresses are
 * kept in lower case so the check does not depend on how a CSR typed them. Every suppression and
 * every lift leaves a {@code HISTORY#<at>#<n>} item in the address's partition, written with the
 * entry in one BatchWriteItem; GSI1 ({@code SUPPRESSIONS#<channel>} / {@code <since>#<address>})
 * lists a channel's entries newest first.
 */
@ApplicationScoped
public class DynamoSuppressionStore {
    private static final String SK = "ENTRY";
    private static final String HISTORY = "HISTORY#";
    private static final String LIST = "SUPPRESSIONS#";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchReader reader;

    @Inject
    BatchWriter writer;

    public Optional<Suppression> find(Channel channel, String address) {
        var result = dynamo.getItem(b ->
                b.tableName(table.name()).key(key(pk(channel, address), SK)).consistentRead(true));
        if (!result.hasItem() || result.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(entry(channel, address, result.item()));
    }

    /** The entries of those of {@code addresses} on the list, by address as given: one BatchGetItem for a chunk of tickets. */
    public Map<String, Suppression> findAll(Channel channel, Collection<String> addresses) {
        Map<String, Map<String, AttributeValue>> found = reader.getAll(
                addresses.stream().map(a -> key(pk(channel, a), SK)).toList());
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
        return new Suppression(
                channel,
                address,
                kind == null ? Suppression.SUPPRESSED : kind,
                str(i, "reason"),
                str(i, "suppressedAt"));
    }

    /** Adds or refreshes the entry (the latest reason wins) and records it in the address's history. */
    public void suppress(Suppression entry) {
        Map<String, AttributeValue> item = key(pk(entry.channel(), entry.address()), SK);
        item.put("type", s("Suppression"));
        item.put("channel", s(entry.channel().name()));
        item.put("address", s(normalise(entry.channel(), entry.address())));
        item.put("kind", s(entry.kind()));
        item.put("reason", s(entry.reason()));
        item.put("suppressedAt", s(entry.since()));
        item.put(Table.GSI1PK, s(LIST + entry.channel().name()));
        item.put(Table.GSI1SK, s(entry.since() + "#" + normalise(entry.channel(), entry.address())));
        String by = Suppression.OPTED_OUT.equals(entry.kind()) ? "the customer" : "the provider";
        writer.putAll(List.of(
                item,
                history(
                        entry.channel(),
                        entry.address(),
                        entry.since(),
                        "suppressed " + entry.kind(),
                        entry.reason(),
                        by)));
    }

    /** Removes the entry, recording who lifted it and why. */
    public void lift(Channel channel, String address, String reason, String by, String at) {
        writer.putAll(List.of(history(channel, address, at, "lifted", reason, by)));
        dynamo.deleteItem(b -> b.tableName(table.name()).key(key(pk(channel, address), SK)));
    }

    /** The address's suppressions and lifts, newest first (at most {@code limit}). */
    public List<SuppressionEvent> history(Channel channel, String address, int limit) {
        var q = QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("PK = :p AND begins_with(SK, :h)")
                .expressionAttributeValues(Map.of(":p", s(pk(channel, address)), ":h", s(HISTORY)))
                .scanIndexForward(false)
                .limit(limit)
                .build();
        return dynamo.query(q).items().stream()
                .map(i -> new SuppressionEvent(str(i, "at"), str(i, "action"), str(i, "reason"), str(i, "by")))
                .toList();
    }

    /** A channel's entries, newest first, a page of {@code limit} older than the cursor {@code before} when given. */
    public List<Suppression> recent(Channel channel, String before, int limit) {
        var q = QueryRequest.builder()
                .tableName(table.name())
                .indexName(Table.GSI1)
                .keyConditionExpression(before == null ? "GSI1PK = :p" : "GSI1PK = :p AND GSI1SK < :before")
                .expressionAttributeValues(
                        before == null
                                ? Map.of(":p", s(LIST + channel.name()))
                                : Map.of(":p", s(LIST + channel.name()), ":before", s(before)))
                .scanIndexForward(false)
                .limit(limit)
                .build();
        return dynamo.query(q).items().stream()
                .map(i -> entry(channel, str(i, "address"), i))
                .toList();
    }

    /** The cursor of the page after one ending with {@code last}. */
    public static String cursor(Suppression last) {
        return last.since() + "#" + normalise(last.channel(), last.address());
    }

    private static Map<String, AttributeValue> history(
            Channel channel, String address, String at, String action, String reason, String by) {
        Map<String, AttributeValue> item = key(
                pk(channel, address),
                HISTORY + at + "#" + UUID.randomUUID().toString().substring(0, 8));
        item.put("type", s("SuppressionEvent"));
        item.put("at", s(at));
        item.put("action", s(action));
        item.put("by", s(by));
        putIfPresent(item, "reason", reason);
        return item;
    }

    static String pk(Channel channel, String address) {
        return "SUPPRESSION#" + channel.name() + "#" + normalise(channel, address);
    }

    private static String normalise(Channel channel, String address) {
        String a = address.trim();
        return channel == Channel.Email ? a.toLowerCase(Locale.ROOT) : a;
    }
}
