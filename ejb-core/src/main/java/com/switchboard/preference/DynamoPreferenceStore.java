package com.switchboard.preference;

import static com.switchboard.store.Items.bool;
import static com.switchboard.store.Items.flag;
import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.list;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;

import com.switchboard.store.BatchReader;
import com.switchboard.store.BatchWriter;
import com.switchboard.store.OpaqueCursor;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;

/**
 * Preferences as one {@code PREFERENCES#<id> / CHANNELS} item; DynamoDB maps have no order, so
 * the stakeholder's channel order is kept beside them as a list. Each save also writes a
 * {@code HISTORY#<at>#<n>} item in the stakeholder's partition (who, when, what changed) in the
 * same BatchWriteItem. GSI1 lists stakeholders by type ({@code PREFERENCES#<type>} / {@code <id>}),
 * so the list is Queries a page at a time, never a Scan.
 */
@ApplicationScoped
public class DynamoPreferenceStore {
    private static final String HISTORY = "HISTORY#";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchReader reader;

    @Inject
    BatchWriter writer;

    public Optional<Preferences> find(String stakeholderId) {
        var result = dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(stakeholderId), "CHANNELS")));
        return result.hasItem() && !result.item().isEmpty()
                ? Optional.of(toPreferences(result.item()))
                : Optional.empty();
    }

    /** One page of a type's stakeholders in id order, from {@code after} (an id) on. */
    public Page page(String stakeholderType, String after, int limit) {
        QueryRequest.Builder q = QueryRequest.builder()
                .tableName(table.name())
                .indexName(Table.GSI1)
                .keyConditionExpression(after == null ? "GSI1PK = :p" : "GSI1PK = :p AND GSI1SK > :after")
                .expressionAttributeValues(
                        after == null
                                ? Map.of(":p", s(listKey(stakeholderType)))
                                : Map.of(":p", s(listKey(stakeholderType)), ":after", s(after)))
                .limit(limit);
        QueryResponse r = dynamo.query(q.build());
        List<Preferences> items =
                r.items().stream().map(DynamoPreferenceStore::toPreferences).toList();
        boolean more = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty();
        return new Page(items, more);
    }

    /** A page of one type's stakeholders; {@code more} when DynamoDB has more of that type. */
    public record Page(List<Preferences> items, boolean more) {}

    /** Preferences of these stakeholders, in their order, skipping those without any. */
    public List<Preferences> findAll(List<String> stakeholderIds) {
        Map<String, Map<String, AttributeValue>> found = reader.getAll(
                stakeholderIds.stream().map(id -> key(pk(id), "CHANNELS")).toList());
        return stakeholderIds.stream()
                .map(id -> found.get(pk(id) + " CHANNELS"))
                .filter(java.util.Objects::nonNull)
                .map(DynamoPreferenceStore::toPreferences)
                .toList();
    }

    /**
     * The stakeholder's changes, newest first, a page of {@code limit} after the cursor {@code next}
     * (the key of the last change of the previous page); the answer's {@code next} continues it.
     */
    public HistoryPage history(String stakeholderId, String next, int limit) {
        QueryRequest.Builder q = QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("PK = :p AND begins_with(SK, :h)")
                .expressionAttributeValues(Map.of(":p", s(pk(stakeholderId)), ":h", s(HISTORY)))
                .scanIndexForward(false)
                .limit(limit);
        if (next != null) {
            q.exclusiveStartKey(key(pk(stakeholderId), historyKey(next).orElseThrow()));
        }
        QueryResponse r = dynamo.query(q.build());
        List<PreferenceChange> items = r.items().stream()
                .map(i -> new PreferenceChange(stakeholderId, str(i, "at"), str(i, "by"), strings(i, "changes")))
                .toList();
        return new HistoryPage(
                items,
                r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
                        ? OpaqueCursor.encode(str(r.lastEvaluatedKey(), Table.SK))
                        : null);
    }

    /** A page of changes and the cursor of the next, older one (null at the first change). */
    public record HistoryPage(List<PreferenceChange> items, String next) {}

    /** The history key a cursor handed back by a client stands for, if it is one. */
    public static Optional<String> historyKey(String cursor) {
        return OpaqueCursor.decode(cursor).filter(key -> key.startsWith(HISTORY) && key.length() < 200);
    }

    /**
     * Saves the preferences and the change together, in one BatchWriteItem (retried until both are
     * written or it throws; dynalite has no TransactWriteItems, and a history entry whose save then
     * failed only records an attempt).
     */
    public void save(Preferences p, PreferenceChange change) {
        Map<String, AttributeValue> history = key(
                pk(p.stakeholderId()),
                HISTORY + change.at() + "#"
                        + java.util.UUID.randomUUID().toString().substring(0, 8));
        history.put("type", s("PreferenceChange"));
        history.put("at", s(change.at()));
        history.put("by", s(change.by()));
        history.put("changes", list(change.changes()));
        List<Map<String, AttributeValue>> items = new java.util.ArrayList<>(List.of(history, item(p)));
        items.addAll(numberItems(p));
        writer.putAll(items);
    }

    /**
     * The stakeholder whose preferences give {@code number} for {@code channel} (SMS or WhatsApp), so
     * a customer's reply finds who wrote: one GetItem for the number's {@code NUMBER#<channel>#<number>}
     * item, written with the preferences, and one for the preferences it names, which must still give
     * that number (a stakeholder who changed number leaves the old item behind; the next one to save
     * it takes it over).
     */
    public Optional<Preferences> findByNumber(String channel, String number) {
        var result = dynamo.getItem(b -> b.tableName(table.name()).key(key(numberKey(channel, number), "OWNER")));
        if (!result.hasItem() || result.item().isEmpty()) {
            return Optional.empty();
        }
        return find(str(result.item(), "stakeholderId"))
                .filter(p -> p.channels().entrySet().stream()
                        .anyMatch(e -> e.getKey().equalsIgnoreCase(channel)
                                && number.equals(e.getValue().destination())));
    }

    /**
     * Writes the {@code NUMBER#} items of preferences saved before they existed, one conditional
     * PutItem per number: a number another stakeholder's save already owns is left to them.
     * Answers how many it wrote.
     */
    public int indexNumbers(Preferences p) {
        int written = 0;
        for (Map<String, AttributeValue> item : numberItems(p)) {
            try {
                dynamo.putItem(b -> b.tableName(table.name())
                        .item(item)
                        .conditionExpression("attribute_not_exists(" + Table.PK + ")"));
                written++;
            } catch (ConditionalCheckFailedException owned) {
                // saved since, by this stakeholder or the one who has the number now
            }
        }
        return written;
    }

    /** One {@code NUMBER#} item per SMS or WhatsApp number of the preferences (see {@link #findByNumber}). */
    private static List<Map<String, AttributeValue>> numberItems(Preferences p) {
        return p.channels().entrySet().stream()
                .filter(e -> NUMBERED.contains(e.getKey().toLowerCase(java.util.Locale.ROOT)))
                .filter(e -> e.getValue().destination() != null
                        && !e.getValue().destination().isBlank())
                .map(e -> {
                    Map<String, AttributeValue> item =
                            key(numberKey(e.getKey(), e.getValue().destination()), "OWNER");
                    item.put("type", s("NumberOwner"));
                    item.put("stakeholderId", s(p.stakeholderId()));
                    return item;
                })
                .toList();
    }

    private static final java.util.Set<String> NUMBERED = java.util.Set.of("sms", "whatsapp");

    private static String numberKey(String channel, String number) {
        return "NUMBER#" + channel.toLowerCase(java.util.Locale.ROOT) + "#" + number;
    }

    private static Map<String, AttributeValue> item(Preferences p) {
        Map<String, AttributeValue> item = key(pk(p.stakeholderId()), "CHANNELS");
        item.put("type", s("Preferences"));
        item.put("stakeholderId", s(p.stakeholderId()));
        item.put("stakeholderType", s(p.stakeholderType()));
        putIfPresent(item, "timezone", p.timezone());
        putIfPresent(item, "digestTime", p.digestTime());
        putIfPresent(item, "digestDay", p.digestDay());
        if (p.quietHours() != null) {
            item.put("quietStart", s(p.quietHours().start()));
            item.put("quietEnd", s(p.quietHours().end()));
        }
        item.put("updatedAt", s(p.updatedAt()));
        putIfPresent(item, "updatedBy", p.updatedBy());
        Map<String, AttributeValue> channels = new HashMap<>();
        p.channels().forEach((name, c) -> channels.put(name, AttributeValue.fromM(channel(c))));
        item.put("channels", AttributeValue.fromM(channels));
        item.put("channelOrder", list(p.channels().keySet().stream().toList()));
        item.put(Table.GSI1PK, s(listKey(p.stakeholderType())));
        item.put(Table.GSI1SK, s(p.stakeholderId()));
        return item;
    }

    private static Map<String, AttributeValue> channel(ChannelPreference c) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("enabled", bool(c.isEnabled()));
        putIfPresent(m, "address", c.address());
        putIfPresent(m, "number", c.number());
        putIfPresent(m, "frequency", c.frequency());
        if (!c.acceptsMarketing()) {
            m.put("marketing", bool(false));
        }
        return m;
    }

    private static Preferences toPreferences(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> stored = item.get("channels").m();
        LinkedHashMap<String, ChannelPreference> channels = new LinkedHashMap<>();
        for (String name : strings(item, "channelOrder")) {
            Map<String, AttributeValue> c = stored.get(name).m();
            channels.put(
                    name,
                    new ChannelPreference(
                            flag(c, "enabled"),
                            str(c, "address"),
                            str(c, "number"),
                            str(c, "frequency"),
                            c.containsKey("marketing") ? flag(c, "marketing") : null));
        }
        return new Preferences(
                str(item, "stakeholderId"),
                str(item, "stakeholderType"),
                str(item, "timezone"),
                channels,
                str(item, "updatedAt"),
                str(item, "digestTime"),
                str(item, "digestDay"),
                item.containsKey("quietStart") ? new QuietHours(str(item, "quietStart"), str(item, "quietEnd")) : null,
                null,
                str(item, "updatedBy"),
                null);
    }

    private static String listKey(String stakeholderType) {
        return "PREFERENCES#" + stakeholderType;
    }

    private static String pk(String stakeholderId) {
        return "PREFERENCES#" + stakeholderId;
    }
}
