package com.switchboard.channel.inapp;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

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

/**
 * Each user's in-app inbox as one partition {@code INBOX#<userId>}: notes
 * {@code NOTE#<ts>#<communicationId>#<index>} (newest first by sort key), one pointer
 * {@code NOTEID#<noteId>} per note that finds it by id and makes the write of a delivery
 * idempotent, and the counter {@code UNREAD}, moved with ADD only by writes whose condition
 * proves the note changed between unread and not, so it never counts twice and is never scanned.
 */
@ApplicationScoped
public class DynamoInboxStore {
    static final String NOTE_PREFIX = "NOTE#";
    private static final String NOTE_ID_PREFIX = "NOTEID#";
    private static final String UNREAD = "UNREAD";
    private static final String STATE = "#st";
    // fixed width, so the sort key orders by time (Instant.toString drops trailing zero fractions)
    private static final DateTimeFormatter SORTABLE = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    /**
     * Writes the note of one delivery once: a repeat of the same delivery (a provider retry, a JMS
     * redelivery) finds the pointer the first attempt claimed and returns that note unchanged.
     */
    public InboxNote insert(String userId, String communicationId, int index, String subject, String text, Instant at) {
        String id = communicationId + "-" + index;
        String createdAt = SORTABLE.format(at);
        Map<String, AttributeValue> pointer = claimId(userId, id,
                NOTE_PREFIX + createdAt + "#" + communicationId + "#" + String.format("%06d", index), createdAt);
        Map<String, AttributeValue> item = key(pk(userId), str(pointer, "noteSk"));
        item.put("type", s("InboxNote"));
        item.put("noteId", s(id));
        item.put("userId", s(userId));
        item.put("communicationId", s(communicationId));
        item.put("recipientIndex", n(index));
        putIfPresent(item, "subject", subject);
        item.put("text", s(text == null ? "" : text));
        item.put("createdAt", s(str(pointer, "createdAt")));
        item.put("state", s(NoteState.unseen.name()));
        try {
            dynamo.putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(SK)"));
            addUnread(userId, 1);
            return note(item);
        } catch (ConditionalCheckFailedException written) {
            return find(userId, id).orElseThrow(() -> new IllegalStateException("note " + id + " vanished while written"));
        }
    }

    /** The pointer of note {@code id}: ours when this is the first attempt, else the earlier attempt's. */
    private Map<String, AttributeValue> claimId(String userId, String id, String noteSk, String createdAt) {
        Map<String, AttributeValue> pointer = key(pk(userId), NOTE_ID_PREFIX + id);
        pointer.put("type", s("InboxNoteId"));
        pointer.put("noteSk", s(noteSk));
        pointer.put("createdAt", s(createdAt));
        try {
            dynamo.putItem(b -> b.tableName(table.name()).item(pointer).conditionExpression("attribute_not_exists(SK)"));
            return pointer;
        } catch (ConditionalCheckFailedException claimed) {
            return dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(userId), NOTE_ID_PREFIX + id)).consistentRead(true))
                    .item();
        }
    }

    /** Note {@code id} of this user; empty when there is none, including when it is someone else's. */
    public Optional<InboxNote> find(String userId, String id) {
        return noteSk(userId, id).flatMap(sk -> {
            var item = dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(userId), sk)).consistentRead(true)).item();
            return item == null || item.isEmpty() ? Optional.empty() : Optional.of(note(item));
        });
    }

    private Optional<String> noteSk(String userId, String id) {
        if (id == null || id.isBlank() || id.length() > 128) {
            return Optional.empty();
        }
        var pointer = dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(userId), NOTE_ID_PREFIX + id))
                .consistentRead(true)).item();
        return pointer == null || pointer.isEmpty() ? Optional.empty() : Optional.ofNullable(str(pointer, "noteSk"));
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
        for (var item : dynamo.queryPaginator(notesNewestFirst(userId, NoteState.unseen, NoteState.seen).build()).items()) {
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
        return QueryRequest.builder().tableName(table.name())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :note)")
                .filterExpression(STATE + " IN (" + String.join(", ", placeholders) + ")")
                .expressionAttributeNames(Map.of(STATE, "state"))
                .expressionAttributeValues(values)
                .scanIndexForward(false);
    }

    public long unreadCount(String userId) {
        var item = dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(userId), UNREAD)).consistentRead(true)).item();
        return Math.max(0, num(item == null ? Map.of() : item, "unread"));
    }

    /**
     * Moves note {@code id} to {@code to} when it is in one of {@code from}, stamping
     * {@code stampedAttribute}; returns the note as it stands afterwards (unchanged when it was not in
     * {@code from}: repeating a call is harmless), or empty when the user has no such note.
     */
    public Optional<InboxNote> move(String userId, String id, Set<NoteState> from, NoteState to,
            String stampedAttribute, String at) {
        Optional<String> sk = noteSk(userId, id);
        if (sk.isEmpty()) {
            return Optional.empty();
        }
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(to.name()), ":at", s(at)));
        List<String> placeholders = new ArrayList<>();
        for (NoteState state : from) {
            values.put(":" + state.name(), s(state.name()));
            placeholders.add(":" + state.name());
        }
        try {
            var old = dynamo.updateItem(b -> b.tableName(table.name()).key(key(pk(userId), sk.get()))
                    .updateExpression("SET " + STATE + " = :to, #stamp = :at")
                    .conditionExpression("attribute_exists(SK) AND " + STATE + " IN (" + String.join(", ", placeholders) + ")")
                    .expressionAttributeNames(Map.of(STATE, "state", "#stamp", stampedAttribute))
                    .expressionAttributeValues(values)
                    .returnValues(ReturnValue.ALL_OLD)).attributes();
            if (NoteState.valueOf(str(old, "state")).unread() && !to.unread()) {
                addUnread(userId, -1);
            }
        } catch (ConditionalCheckFailedException notInFrom) {
            // already moved on (a repeated read, an ack after read): nothing changes
        }
        return find(userId, id);
    }

    private void addUnread(String userId, long delta) {
        dynamo.updateItem(b -> b.tableName(table.name()).key(key(pk(userId), UNREAD))
                .updateExpression("ADD unread :d")
                .expressionAttributeValues(Map.of(":d", n(delta))));
    }

    private static InboxNote note(Map<String, AttributeValue> i) {
        return new InboxNote(str(i, "userId"), str(i, "noteId"), str(i, "communicationId"), (int) num(i, "recipientIndex"),
                str(i, "subject"), str(i, "text"), str(i, "createdAt"), NoteState.valueOf(str(i, "state")),
                str(i, "seenAt"), str(i, "readAt"));
    }

    static String pk(String userId) {
        return "INBOX#" + userId;
    }
}
