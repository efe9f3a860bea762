package com.switchboard.metering;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.LongAdder;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.MatchResult;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes and reads per partition key value of the table ({@code table}) and of each index
 * ({@code GSI1}, {@code GSI2}, {@code GSI3}), so the benchmark can name the hottest key value and its share of all
 * writes: DynamoDB serves one key value from one partition, whose throughput is capped whatever the
 * table's. Fed by {@link DynamoRequestMeter} while {@code dynamodb.meter.partitions} is on, read and
 * reset over JMX ({@link PartitionHeatMBean}). Key values are taken as they come, never named here.
 * <p>
 * How a request counts:
 * <ul>
 * <li><b>Table</b>, when sent (a write refused by its condition still uses its partition): one write on
 * {@code PK} per PutItem, UpdateItem, DeleteItem and item of a BatchWriteItem; one read on {@code PK}
 * per key of a GetItem or BatchGetItem. A <b>Query</b> is one read on the partition value its
 * KeyConditionExpression binds ({@code PK = :p}, {@code GSI1PK = :p}, names like {@code #pk} resolved),
 * of the table or of its IndexName. Items a read returned are counted apart ({@code itemsRead}).</li>
 * <li><b>Indexes</b>, once the write succeeded (a refused one writes no index): a put writes each
 * index whose partition key it carries. An update writes GSI1 (projection ALL: every change of the
 * item is projected) on the GSI1PK it sets ({@code SET GSI1PK = :x}) or else on the item's known one;
 * GSI2 (keys only) only when it SETs or REMOVEs GSI2PK or GSI2SK; GSI3 (INCLUDE) when it also SETs or
 * REMOVEs one of {@link DynamoRequestMeter#GSI3_PROJECTION} (an ADD of one would be missed: the application makes none). A delete writes each index the item
 * is known to be in. An entry that moves to another partition, or leaves the index, also writes the
 * partition it leaves.</li>
 * <li><b>Learned items</b>: the index keys of an item are remembered per item (PK and SK) from the
 * puts and updates that set them, while it is in an index, so a later update or delete that does not
 * name them is attributed; at most {@value #MAX_ITEMS} items, kept across {@link #reset()}. An index write whose partition is
 * not known (the item was written before metering started, or beyond the bound) is counted
 * {@code unattributed}: for GSI1 and GSI3 when the item's sort key names a kind they index
 * ({@link DynamoRequestMeter#indexed}, {@link DynamoRequestMeter#listed}), for any index when the update names its keys.</li>
 * </ul>
 * Scans and transactions are not counted (the application makes neither). At most
 * {@value #MAX_KEYS} key values per target and window; counts beyond are in the totals and
 * {@code untracked}. Counting is a map lookup and an add per item (and a few regular expressions per
 * update); concurrent updates of one item's index keys may be attributed to either partition.
 */
public final class PartitionHeat implements PartitionHeatMBean {
    static final String TABLE = "table";
    static final int MAX_ITEMS = 500_000;
    static final int MAX_KEYS = 100_000;
    private static final String PK = "PK";
    private static final String SK = "SK";
    private static final List<Index> INDEXES = List.of(
            new Index("GSI1", "GSI1PK", "GSI1SK", true, Set.of(), DynamoRequestMeter::indexed),
            new Index("GSI2", "GSI2PK", "GSI2SK", false, Set.of(), key -> false),
            new Index(
                    "GSI3", "GSI3PK", "GSI3SK", false, DynamoRequestMeter.GSI3_PROJECTION, DynamoRequestMeter::listed));
    /** A learned item's key in an index its writes so far did not tell (compared by identity, unlike a key value). */
    private static final String UNKNOWN = new String("?");

    private static final Pattern CLAUSE =
            Pattern.compile("(?<![\\w:#.])(SET|REMOVE|ADD|DELETE)(?!\\w)", Pattern.CASE_INSENSITIVE);
    private static final Pattern PLACEHOLDER = Pattern.compile(":\\w+");
    private static final Pattern EQUALITY = Pattern.compile("(?<![\\w:#.])([#\\w]+)\\s*=\\s*(:\\w+)");
    private static final Logger LOG = Logger.getLogger(PartitionHeat.class.getName());

    /**
     * {@code projected}: the non-key attributes an INCLUDE projection holds (an update writes the entry
     * when it sets or removes one); {@code kinds}: items known to be in the index by their key alone,
     * for the writes of items not learned.
     */
    private record Index(
            String name,
            String pk,
            String sk,
            boolean projectsAll,
            Set<String> projected,
            Predicate<Map<String, AttributeValue>> kinds) {
        boolean writtenBy(Actions actions) {
            return projectsAll || actions.touches(projected);
        }
    }

    private final int maxItems;
    /** Per item: its partition key value in each of {@link #INDEXES}, null when not in it, UNKNOWN when not told. */
    private final Map<String, String[]> learned = new ConcurrentHashMap<>();

    private final AtomicBoolean failureLogged = new AtomicBoolean();
    private volatile Window window = new Window();

    public PartitionHeat() {
        this(MAX_ITEMS);
    }

    PartitionHeat(int maxItems) {
        this.maxItems = maxItems;
    }

    /** What {@code request} asks of the table, counted as it is sent. */
    public void sent(SdkRequest request) {
        try {
            Window w = window;
            if (request instanceof PutItemRequest p) {
                w.write(TABLE, str(p.item().get(PK)));
            } else if (request instanceof UpdateItemRequest u) {
                w.write(TABLE, str(u.key().get(PK)));
            } else if (request instanceof DeleteItemRequest d) {
                w.write(TABLE, str(d.key().get(PK)));
            } else if (request instanceof BatchWriteItemRequest b) {
                b.requestItems().values().stream()
                        .flatMap(Collection::stream)
                        .forEach(r -> w.write(TABLE, str(item(r).get(PK))));
            } else if (request instanceof GetItemRequest g) {
                w.read(TABLE, str(g.key().get(PK)));
            } else if (request instanceof BatchGetItemRequest b) {
                b.requestItems().values().forEach(k -> k.keys().forEach(key -> w.read(TABLE, str(key.get(PK)))));
            } else if (request instanceof QueryRequest q) {
                w.read(target(q), partition(q));
            }
        } catch (RuntimeException e) {
            failed(request, e);
        }
    }

    /** The index writes of a write that succeeded, with what they teach about the item; the items a read returned. */
    public void succeeded(SdkRequest request, SdkResponse response) {
        try {
            Window w = window;
            if (request instanceof PutItemRequest p) {
                put(w, p.item());
            } else if (request instanceof UpdateItemRequest u) {
                update(
                        w,
                        u.key(),
                        actions(u.updateExpression(), u.expressionAttributeNames()),
                        u.expressionAttributeValues());
            } else if (request instanceof DeleteItemRequest d) {
                delete(w, d.key());
            } else if (request instanceof BatchWriteItemRequest b) {
                Set<WriteRequest> unprocessed = response instanceof BatchWriteItemResponse r && r.hasUnprocessedItems()
                        ? r.unprocessedItems().values().stream()
                                .flatMap(Collection::stream)
                                .collect(Collectors.toSet())
                        : Set.of();
                b.requestItems().values().stream()
                        .flatMap(Collection::stream)
                        .filter(r -> !unprocessed.contains(r))
                        .forEach(r -> {
                            if (r.putRequest() != null) {
                                put(w, r.putRequest().item());
                            } else {
                                delete(w, r.deleteRequest().key());
                            }
                        });
            } else if (request instanceof GetItemRequest
                    && response instanceof GetItemResponse g
                    && g.hasItem()
                    && !g.item().isEmpty()) {
                w.items(TABLE, str(g.item().get(PK)), 1);
            } else if (request instanceof BatchGetItemRequest && response instanceof BatchGetItemResponse g) {
                g.responses().values().forEach(items -> items.forEach(i -> w.items(TABLE, str(i.get(PK)), 1)));
            } else if (request instanceof QueryRequest q && response instanceof QueryResponse r && r.count() != null) {
                w.items(target(q), partition(q), r.count());
            }
        } catch (RuntimeException e) {
            failed(request, e);
        }
    }

    @Override
    public void reset() {
        window = new Window();
    }

    @Override
    public String top(int n) {
        Window w = window;
        StringBuilder json = new StringBuilder("{\"seconds\":")
                .append(String.format(Locale.ROOT, "%.3f", (System.nanoTime() - w.started) / 1e9))
                .append(",\"learnedItems\":")
                .append(learned.size())
                .append(",\"maxItems\":")
                .append(maxItems)
                .append(",\"targets\":{");
        List<String> names = new ArrayList<>(List.of(TABLE));
        INDEXES.forEach(i -> names.add(i.name()));
        w.targets.keySet().stream().filter(t -> !names.contains(t)).sorted().forEach(names::add);
        for (int i = 0; i < names.size(); i++) {
            quote(json.append(i == 0 ? "" : ","), names.get(i)).append(':');
            w.targets.getOrDefault(names.get(i), new Target()).json(json, Math.max(0, n));
        }
        return json.append("}}").toString();
    }

    private void put(Window w, Map<String, AttributeValue> item) {
        String id = id(item);
        String[] before = learned.get(id);
        String[] after = new String[INDEXES.size()];
        for (int i = 0; i < after.length; i++) {
            Index index = INDEXES.get(i);
            after[i] = str(item.get(index.pk()));
            if (after[i] != null) {
                w.write(index.name(), after[i]);
            }
            left(w, index, before == null ? UNKNOWN : before[i], after[i]);
        }
        learn(id, before, after);
    }

    private void update(
            Window w, Map<String, AttributeValue> key, Actions actions, Map<String, AttributeValue> values) {
        String id = id(key);
        String[] before = learned.get(id);
        String[] after = new String[INDEXES.size()];
        for (int i = 0; i < after.length; i++) {
            Index index = INDEXES.get(i);
            String old = before == null ? UNKNOWN : before[i];
            if (actions.set().containsKey(index.pk())) {
                String placeholder = actions.set().get(index.pk());
                String now = placeholder == null ? null : str(values.get(placeholder));
                after[i] = now == null ? UNKNOWN : now;
                entryWritten(w, index, after[i], true, key);
                left(w, index, old, now);
            } else if (actions.removed().contains(index.pk())) {
                after[i] = null;
                entryWritten(w, index, old, true, key);
            } else {
                after[i] = old;
                boolean rekeyed = actions.set().containsKey(index.sk())
                        || actions.removed().contains(index.sk());
                if (index.writtenBy(actions) || rekeyed) {
                    entryWritten(w, index, old, rekeyed, key);
                }
            }
        }
        learn(id, before, after);
    }

    private void delete(Window w, Map<String, AttributeValue> key) {
        String[] before = learned.remove(id(key));
        for (int i = 0; i < INDEXES.size(); i++) {
            entryWritten(w, INDEXES.get(i), before == null ? UNKNOWN : before[i], false, key);
        }
    }

    /** One write to an item's entry in {@code index}, on partition {@code pk} (null: the item is not in the index). */
    private static void entryWritten(
            Window w, Index index, String pk, boolean keyNamed, Map<String, AttributeValue> key) {
        if (pk == UNKNOWN) {
            if (keyNamed || index.kinds().test(key)) {
                w.unattributed(index.name());
            }
        } else if (pk != null) {
            w.write(index.name(), pk);
        }
    }

    /** An entry that moves to another partition, or leaves the index, also writes the partition it leaves. */
    private static void left(Window w, Index index, String before, String after) {
        if (before != null && before != UNKNOWN && !before.equals(after)) {
            w.write(index.name(), before);
        }
    }

    /** Only items in an index are remembered: the others would cost memory and attribute nothing. */
    private void learn(String id, String[] before, String[] after) {
        if (Arrays.stream(after).noneMatch(k -> k != null && k != UNKNOWN)) {
            learned.remove(id);
        } else if (before != null || learned.size() < maxItems) {
            learned.put(id, after);
        }
    }

    /** The SET and REMOVE actions of an update expression by attribute name: SET's value placeholder (null: none). */
    record Actions(Map<String, String> set, Set<String> removed) {
        /** Whether the update sets or removes any of {@code attributes}. */
        boolean touches(Set<String> attributes) {
            return set.keySet().stream().anyMatch(attributes::contains)
                    || removed.stream().anyMatch(attributes::contains);
        }
    }

    static Actions actions(String expression, Map<String, String> names) {
        Map<String, String> set = new HashMap<>();
        Set<String> removed = new HashSet<>();
        if (expression == null) {
            return new Actions(set, removed);
        }
        List<MatchResult> clauses = CLAUSE.matcher(expression).results().toList();
        for (int c = 0; c < clauses.size(); c++) {
            String verb = clauses.get(c).group(1).toUpperCase(Locale.ROOT);
            int end = c + 1 < clauses.size() ? clauses.get(c + 1).start() : expression.length();
            for (String action : topLevel(expression.substring(clauses.get(c).end(), end))) {
                if (verb.equals("SET")) {
                    int eq = action.indexOf('=');
                    if (eq > 0) {
                        Matcher value = PLACEHOLDER.matcher(action.substring(eq + 1));
                        set.put(name(action.substring(0, eq), names), value.find() ? value.group() : null);
                    }
                } else if (verb.equals("REMOVE")) {
                    removed.add(name(action, names));
                }
            }
        }
        return new Actions(set, removed);
    }

    /** The partition value a Query's KeyConditionExpression binds to the hash key of its table or index. */
    static String partition(QueryRequest q) {
        String hash = q.indexName() == null
                ? PK
                : INDEXES.stream()
                        .filter(i -> i.name().equals(q.indexName()))
                        .map(Index::pk)
                        .findFirst()
                        .orElse(null);
        String first = null;
        Matcher m = EQUALITY.matcher(Objects.toString(q.keyConditionExpression(), ""));
        while (m.find()) {
            String value = str(q.expressionAttributeValues().get(m.group(2)));
            if (name(m.group(1), q.expressionAttributeNames()).equals(hash)) {
                return value;
            }
            first = first == null ? value : first;
        }
        return first; // an index not listed here: its one equality is the hash key's
    }

    private static String target(QueryRequest q) {
        return q.indexName() == null ? TABLE : q.indexName();
    }

    /** Comma-separated actions outside parentheses ({@code list_append(a, :b)} stays whole). */
    private static List<String> topLevel(String clause) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        int from = 0;
        for (int i = 0; i <= clause.length(); i++) {
            char c = i < clause.length() ? clause.charAt(i) : ',';
            depth += c == '(' ? 1 : c == ')' ? -1 : 0;
            if (c == ',' && depth <= 0) {
                String part =
                        clause.substring(from, Math.min(i, clause.length())).strip();
                if (!part.isEmpty()) {
                    parts.add(part);
                }
                from = i + 1;
            }
        }
        return parts;
    }

    private static String name(String path, Map<String, String> names) {
        String p = path.strip();
        return p.startsWith("#") ? names.getOrDefault(p, p) : p;
    }

    private static Map<String, AttributeValue> item(WriteRequest r) {
        return r.putRequest() != null
                ? r.putRequest().item()
                : r.deleteRequest().key();
    }

    private static String id(Map<String, AttributeValue> key) {
        return str(key.get(PK)) + '\u0000' + str(key.get(SK));
    }

    private static String str(AttributeValue v) {
        if (v == null) {
            return null;
        }
        return v.s() != null ? v.s() : v.n() != null ? v.n() : v.toString();
    }

    private void failed(SdkRequest request, RuntimeException e) {
        // metering never fails a request; one warning says the figures are short
        if (failureLogged.compareAndSet(false, true)) {
            LOG.log(
                    Level.WARNING,
                    "partition heat could not count a " + request.getClass().getSimpleName() + "; counts are short",
                    e);
        }
    }

    private static StringBuilder quote(StringBuilder b, String s) {
        b.append('"');
        for (char c : s.toCharArray()) {
            if (c == '"' || c == '\\') {
                b.append('\\').append(c);
            } else if (c < 0x20) {
                b.append(String.format("\\u%04x", (int) c));
            } else {
                b.append(c);
            }
        }
        return b.append('"');
    }

    /** The counts since the last reset; a reset swaps the whole window, so readers never see half of one. */
    private static final class Window {
        final long started = System.nanoTime();
        final Map<String, Target> targets = new ConcurrentHashMap<>();

        Target target(String name) {
            Target t = targets.get(name);
            return t != null ? t : targets.computeIfAbsent(name, x -> new Target());
        }

        void write(String target, String key) {
            Target t = target(target);
            t.writes.increment();
            Counts k = t.key(key);
            if (k != null) {
                k.writes.increment();
            }
        }

        void read(String target, String key) {
            Target t = target(target);
            t.reads.increment();
            Counts k = t.key(key);
            if (k != null) {
                k.reads.increment();
            }
        }

        void items(String target, String key, long n) {
            Target t = target(target);
            t.items.add(n);
            Counts k = t.key(key);
            if (k != null) {
                k.items.add(n);
            }
        }

        void unattributed(String target) {
            target(target).unattributed.increment();
        }
    }

    private static final class Target {
        final Map<String, Counts> keys = new ConcurrentHashMap<>();
        final LongAdder writes = new LongAdder();
        final LongAdder reads = new LongAdder();
        final LongAdder items = new LongAdder();
        final LongAdder unattributed = new LongAdder();
        final LongAdder untracked = new LongAdder();

        Counts key(String value) {
            String v = value == null ? "(unknown)" : value;
            Counts c = keys.get(v);
            if (c == null) {
                if (keys.size() >= MAX_KEYS) {
                    untracked.increment();
                    return null;
                }
                c = keys.computeIfAbsent(v, x -> new Counts());
            }
            return c;
        }

        void json(StringBuilder b, int n) {
            b.append("{\"writes\":")
                    .append(writes.sum())
                    .append(",\"reads\":")
                    .append(reads.sum())
                    .append(",\"itemsRead\":")
                    .append(items.sum())
                    .append(",\"unattributedWrites\":")
                    .append(unattributed.sum())
                    .append(",\"keys\":")
                    .append(keys.size())
                    .append(",\"untracked\":")
                    .append(untracked.sum());
            top(b.append(",\"topWrites\":"), n, c -> c.writes.sum());
            top(b.append(",\"topReads\":"), n, c -> c.reads.sum());
            b.append('}');
        }

        private void top(StringBuilder b, int n, ToLongFunction<Counts> by) {
            List<Map.Entry<String, long[]>> top = keys.entrySet().stream()
                    .map(e -> Map.entry(e.getKey(), new long[] {
                        by.applyAsLong(e.getValue()),
                        e.getValue().writes.sum(),
                        e.getValue().reads.sum(),
                        e.getValue().items.sum()
                    }))
                    .filter(e -> e.getValue()[0] > 0)
                    .sorted(Comparator.<Map.Entry<String, long[]>>comparingLong(e -> e.getValue()[0])
                            .reversed()
                            .thenComparing(Map.Entry::getKey))
                    .limit(n)
                    .toList();
            b.append('[');
            for (int i = 0; i < top.size(); i++) {
                long[] c = top.get(i).getValue();
                quote(b.append(i == 0 ? "{\"key\":" : ",{\"key\":"), top.get(i).getKey())
                        .append(",\"writes\":")
                        .append(c[1])
                        .append(",\"reads\":")
                        .append(c[2])
                        .append(",\"itemsRead\":")
                        .append(c[3])
                        .append('}');
            }
            b.append(']');
        }
    }

    private static final class Counts {
        final LongAdder writes = new LongAdder();
        final LongAdder reads = new LongAdder();
        final LongAdder items = new LongAdder();
    }
}
