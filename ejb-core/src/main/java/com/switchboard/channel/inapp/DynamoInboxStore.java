package com.switchboard.channel.inapp;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.document.Attachments;
import com.switchboard.document.DocumentRef;
import com.switchboard.store.BatchWriter;
import com.switchboard.store.Retention;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.Select;

/**
 * Each user's in-app inbox as one partition {@code INBOX#<userId>}: notes
 * {@code NOTE#<ts>#<communicationId>#<index>}, newest first by sort key. A note's id names its
 * sort key ({@link #noteId}), so a read finds it with no lookup, and {@code ts} is when its
 * delivery was queued, which every redelivery of the ticket repeats, so writing a delivery's note
 * twice writes the same item: the notes of a chunk go in one BatchWriteItem. An unread note also
 * carries GSI2 keys ({@code UNREAD#<userId>}, its sort key), which a read or an archive removes in
 * the same write: the unread count is a count of that sparse, keys-only index partition, kept by
 * no counter that a write could forget or repeat.
 */
@ApplicationScoped
public class DynamoInboxStore {
    static final String NOTE_PREFIX = "NOTE#";
    private static final String UNREAD_PREFIX = "UNREAD#";
    private static final String STATE = "#st";
    private static final int MAX_ID_LENGTH = 128;
    // fixed width, so the sort key orders by time (Instant.toString drops trailing zero fractions)
    private static final DateTimeFormatter SORTABLE =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'").withZone(ZoneOffset.UTC);

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchWriter batch;

    @Inject
    Retention retention;

    /** A note to write: delivery {@code communicationId}/{@code index} to {@code userId}, queued at {@code queuedAt}. */
    public record NewNote(
            String userId,
            String communicationId,
            int index,
            String subject,
            String text,
            Instant queuedAt,
            List<DocumentRef> attachments) {}

    /**
     * Note id {@code <epoch ms of queuedAt>-<communicationId>-<index>}: URL-safe, stable across
     * redeliveries of the ticket, and it names the note's sort key.
     */
    static String noteId(Instant queuedAt, String communicationId, int index) {
        return queuedAt.toEpochMilli() + "-" + communicationId + "-" + index;
    }

    /** The sort key note {@code id} names, or empty when it is not an id of ours. */
    static Optional<String> sortKey(String id) {
        if (id == null || id.length() > MAX_ID_LENGTH) {
            return Optional.empty();
        }
        int first = id.indexOf('-');
        int last = id.lastIndexOf('-');
        if (first <= 0 || last <= first + 1 || last == id.length() - 1) {
            return Optional.empty();
        }
        String millis = id.substring(0, first);
        String communicationId = id.substring(first + 1, last);
        String index = id.substring(last + 1);
        if (millis.length() > 15
                || !digits(millis)
                || index.length() > 6
                || !digits(index)
                || !communicationId.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '-')) {
            return Optional.empty();
        }
        return Optional.of(
                sortKey(Instant.ofEpochMilli(Long.parseLong(millis)), communicationId, Integer.parseInt(index)));
    }

    private static String sortKey(Instant queuedAt, String communicationId, int index) {
        return NOTE_PREFIX + SORTABLE.format(queuedAt) + "#" + communicationId + "#" + String.format("%06d", index);
    }

    private static boolean digits(String s) {
        return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /**
     * Writes the notes of one chunk's deliveries, 25 to a BatchWriteItem, and answers them as
     * written. A note written before (a redelivered ticket) is written again as it was.
     */
    public List<InboxNote> insertAll(List<NewNote> notes) {
        List<Map<String, AttributeValue>> items = notes.stream().map(this::item).toList();
        batch.putAll(items);
        return items.stream().map(DynamoInboxStore::note).toList();
    }

    /**
     * Writes the note of one delivery once: a repeat of the same delivery (a provider retry, a JMS
     * redelivery) finds the note the first attempt wrote and returns it unchanged.
     */
    public InboxNote insert(NewNote fresh) {
        Map<String, AttributeValue> item = item(fresh);
        try {
            dynamo.putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(SK)"));
            return note(item);
        } catch (ConditionalCheckFailedException written) {
            String id = str(item, "noteId");
            return find(fresh.userId(), id)
                    .orElseThrow(() -> new IllegalStateException("note " + id + " vanished while written"));
        }
    }

    private Map<String, AttributeValue> item(NewNote fresh) {
        String sk = sortKey(fresh.queuedAt(), fresh.communicationId(), fresh.index());
        Map<String, AttributeValue> item = key(pk(fresh.userId()), sk);
        item.put("type", s("InboxNote"));
        item.put("noteId", s(noteId(fresh.queuedAt(), fresh.communicationId(), fresh.index())));
        item.put("userId", s(fresh.userId()));
        item.put("communicationId", s(fresh.communicationId()));
        item.put("recipientIndex", n(fresh.index()));
        putIfPresent(item, "subject", fresh.subject());
        item.put("text", s(fresh.text() == null ? "" : fresh.text()));
        item.put("createdAt", s(SORTABLE.format(fresh.queuedAt())));
        item.put("state", s(NoteState.unseen.name()));
        if (!fresh.attachments().isEmpty()) {
            item.put("attachments", Attachments.attribute(fresh.attachments()));
        }
        item.put(
                Retention.ATTRIBUTE,
                retention.communicationExpiry(fresh.queuedAt())); // from queuedAt: a rewrite is the same item
        item.put(Table.GSI2PK, s(UNREAD_PREFIX + fresh.userId()));
        item.put(Table.GSI2SK, s(sk));
        return item;
    }

    /** Note {@code id} of this user; empty when there is none, including when it is someone else's. */
    public Optional<InboxNote> find(String userId, String id) {
        return sortKey(id).flatMap(sk -> {
            var item = dynamo.getItem(b ->
                            b.tableName(table.name()).key(key(pk(userId), sk)).consistentRead(true))
                    .item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(note(item));
        });
    }

    /**
     * Up to {@code limit} notes not archived, newest first, after {@code afterSk} (null: from the
     * newest). DynamoDB applies Limit before the filter, so it queries on until the page is full.
     */
    public InboxPage page(String userId, int limit, String afterSk) {
        List<InboxNote> notes = new ArrayList<>();
        Map<String, AttributeValue> start = afterSk == null ? null : key(pk(userId), afterSk);
        String next = null;
        while (notes.size() < limit) {
            QueryRequest.Builder query = notesNewestFirst(userId, NoteState.unseen, NoteState.seen, NoteState.read)
                    .limit(limit - notes.size());
            if (start != null) {
                query.exclusiveStartKey(start);
            }
            QueryResponse page = dynamo.query(query.build());
            page.items().forEach(i -> notes.add(note(i)));
            if (!page.hasLastEvaluatedKey() || page.lastEvaluatedKey().isEmpty()) {
                return new InboxPage(notes, null);
            }
            start = page.lastEvaluatedKey();
            next = InboxCursor.encode(str(start, "SK"));
        }
        return new InboxPage(notes, next);
    }

    /** The newest {@code max} unread notes, oldest first: what a client that just connected is shown. */
    public List<InboxNote> unread(String userId, int max) {
        List<InboxNote> notes = new ArrayList<>();
        for (var item : dynamo.queryPaginator(notesNewestFirst(userId, NoteState.unseen, NoteState.seen)
                        .build())
                .items()) {
            notes.add(0, note(item));
            if (notes.size() == max) {
                break;
            }
        }
        return notes;
    }

    private QueryRequest.Builder notesNewestFirst(String userId, NoteState... states) {
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":pk", s(pk(userId)), ":note", s(NOTE_PREFIX)));
        List<String> placeholders = new ArrayList<>();
        for (NoteState state : states) {
            values.put(":" + state.name(), s(state.name()));
            placeholders.add(":" + state.name());
        }
        return QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :note)")
                .filterExpression(STATE + " IN (" + String.join(", ", placeholders) + ")")
                .expressionAttributeNames(Map.of(STATE, "state"))
                .expressionAttributeValues(values)
                .scanIndexForward(false);
    }

    /** Unread (unseen or seen) notes: a count of the user's keys in the sparse GSI2 partition. */
    public long unreadCount(String userId) {
        return dynamo
                .queryPaginator(QueryRequest.builder()
                        .tableName(table.name())
                        .indexName(Table.GSI2)
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", Table.GSI2PK))
                        .expressionAttributeValues(Map.of(":pk", s(UNREAD_PREFIX + userId)))
                        .select(Select.COUNT)
                        .build())
                .stream()
                .mapToLong(QueryResponse::count)
                .sum();
    }

    /**
     * Moves note {@code id} to {@code to} when it is in one of {@code from}, stamping
     * {@code stampedAttribute}; returns the note as it stands afterwards (unchanged when it was not in
     * {@code from}: repeating a call is harmless), or empty when the user has no such note.
     */
    public Optional<InboxNote> move(
            String userId, String id, Set<NoteState> from, NoteState to, String stampedAttribute, String at) {
        Optional<String> sk = sortKey(id);
        if (sk.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(to.name()), ":at", s(at)));
        List<String> placeholders = new ArrayList<>();
        for (NoteState state : from) {
            values.put(":" + state.name(), s(state.name()));
            placeholders.add(":" + state.name());
        }
        Map<String, String> names = new HashMap<>(Map.of(STATE, "state", "#stamp", stampedAttribute));
        String update = "SET " + STATE + " = :to, #stamp = :at";
        if (!to.unread()) {
            update += " REMOVE #upk, #usk"; // leaves the unread count in the same write
            names.put("#upk", Table.GSI2PK);
            names.put("#usk", Table.GSI2SK);
        }
        String expression = update;
        try {
            return Optional.of(note(dynamo.updateItem(b -> b.tableName(table.name())
                            .key(key(pk(userId), sk.get()))
                            .updateExpression(expression)
                            .conditionExpression("attribute_exists(SK) AND " + STATE + " IN ("
                                    + String.join(", ", placeholders) + ")")
                            .expressionAttributeNames(names)
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes()));
        } catch (ConditionalCheckFailedException notInFrom) {
            // already moved on (a repeated read, an ack after read), or no such note: nothing changes
            return find(userId, id);
        }
    }

    private static InboxNote note(Map<String, AttributeValue> i) {
        return new InboxNote(
                str(i, "userId"),
                str(i, "noteId"),
                str(i, "communicationId"),
                (int) num(i, "recipientIndex"),
                str(i, "subject"),
                str(i, "text"),
                str(i, "createdAt"),
                NoteState.valueOf(str(i, "state")),
                str(i, "seenAt"),
                str(i, "readAt"),
                Attachments.of(i.get("attachments")));
    }

    static String pk(String userId) {
        return "INBOX#" + userId;
    }
}
