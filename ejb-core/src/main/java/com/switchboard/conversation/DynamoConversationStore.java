package com.switchboard.conversation;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.map;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.store.BatchWriter;
import com.switchboard.store.Keys;
import com.switchboard.store.OpaqueCursor;
import com.switchboard.store.Retention;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Conversations in DynamoDB. A thread is the partition {@code THREAD#<thread id>}: its messages are
 * {@code MSG#<epoch millis, 13 digits>#<in|out>#<id>} items in time order, and {@code SUMMARY} (only
 * once the customer wrote) carries who it is with, the unread count and the last message. The
 * summaries are listed through GSI1 in the one partition {@code THREADS}, sort key
 * {@code <0 unread | 1 read>#<newest first>#<thread id>}: unread threads first, newest first. One
 * partition is enough there: it is written once per customer message and per read, far below a
 * partition's thousand writes a second, and one partition keeps "unread first" a single Query. A
 * reply is also kept in the partition of the communication it answers ({@code REPLY#...}), so a
 * communication's page lists its replies with one Query.
 */
@ApplicationScoped
public class DynamoConversationStore {
    static final String LIST_PARTITION = "THREADS";
    private static final String MSG = "MSG#";
    private static final String SUMMARY = "SUMMARY";
    private static final String REPLY = "REPLY#";
    private static final long NEWEST_FIRST = 9_999_999_999_999L;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchWriter writer;

    @Inject
    Retention retention;

    /** A page of threads and the cursor of the next (null at the end). */
    public record ThreadPage(List<ConversationThread> items, String next) {}

    /** A thread's messages, oldest first, and the cursor of the older ones (null when there are none). */
    public record MessagePage(List<ThreadMessage> items, String before) {}

    /**
     * Stores a customer's message unless it was stored before: one conditional PutItem of the
     * marker {@code INBOUND#<channel>#<provider id>} (a retried or replayed notification stops there),
     * one PutItem of the message, one UpdateItem of the thread's summary and, when it answers a
     * communication, one PutItem beside that communication. Empty when it was stored before. The
     * message sits in the thread at {@code orderedAt}, which may be finer than the provider's time.
     */
    public Optional<ConversationThread> recordInbound(
            String threadId,
            ThreadMessage m,
            Instant at,
            Instant orderedAt,
            ConversationThread who,
            String windowClosesAt) {
        Map<String, AttributeValue> item = messageItem(threadId, m, orderedAt);
        Map<String, AttributeValue> seen = key(seenKey(who.channel(), m.providerMessageId()), "SEEN");
        seen.put("type", s("InboundSeen"));
        seen.put("threadId", s(threadId));
        seen.put("messageKey", item.get(Table.SK));
        seen.put(Retention.ATTRIBUTE, retention.communicationExpiry(at));
        try {
            dynamo.putItem(b -> b.tableName(table.name()).item(seen).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException before) {
            return Optional.empty();
        }
        dynamo.putItem(b -> b.tableName(table.name()).item(item));
        Map<String, String> names = new HashMap<>();
        Map<String, AttributeValue> values = new HashMap<>();
        StringBuilder set = new StringBuilder("SET ");
        set(set, names, values, "channel", s(who.channel()));
        set(set, names, values, "number", s(who.number()));
        set(set, names, values, "lastAt", s(at.toString()));
        set(set, names, values, "lastDirection", s(ThreadMessage.IN));
        set(set, names, values, "lastText", s(preview(m)));
        set(set, names, values, "lastInboundAt", s(at.toString()));
        if (windowClosesAt != null) {
            set(set, names, values, "windowClosesAt", s(windowClosesAt));
        }
        if (who.stakeholderId() != null) {
            set(set, names, values, "stakeholderId", s(who.stakeholderId()));
            set(set, names, values, "stakeholderType", s(who.stakeholderType()));
            if (who.displayName() != null) {
                set(set, names, values, "displayName", s(who.displayName()));
            }
        }
        set(set, names, values, Table.GSI1PK, s(LIST_PARTITION));
        set(set, names, values, Table.GSI1SK, s(listKey(true, at, threadId)));
        set(set, names, values, Retention.ATTRIBUTE, retention.communicationExpiry(at));
        values.put(":one", n(1));
        values.put(":zero", n(0));
        String update = set.substring(0, set.length() - 2) + ", unread = if_not_exists(unread, :zero) + :one";
        Map<String, AttributeValue> summary = dynamo.updateItem(b -> b.tableName(table.name())
                        .key(key(pk(threadId), SUMMARY))
                        .updateExpression(update)
                        .expressionAttributeNames(names)
                        .expressionAttributeValues(values)
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();
        if (m.inReplyTo() != null) {
            Map<String, AttributeValue> reply = new HashMap<>(item);
            reply.putAll(key(
                    Keys.communication(m.inReplyTo()),
                    REPLY + item.get(Table.SK).s()));
            reply.put("threadId", s(threadId));
            dynamo.putItem(b -> b.tableName(table.name()).item(reply));
        }
        return Optional.of(toThread(threadId, summary));
    }

    /**
     * Keeps our messages that went to conversational numbers, the recipients of one delivery chunk
     * with one BatchWriteItem per 25 (the pipeline calls it when it records them Sent).
     */
    public void recordSent(List<Sent> sent) {
        writer.putAll(sent.stream()
                .map(x -> messageItem(
                        x.threadId(),
                        new ThreadMessage(
                                x.deliveryId(),
                                ThreadMessage.OUT,
                                x.at().toString(),
                                x.text(),
                                null,
                                x.communicationId(),
                                x.index(),
                                x.providerMessageId(),
                                null,
                                null),
                        x.at()))
                .toList());
    }

    /** One of our messages to a thread's number, as {@link #recordSent} keeps it. */
    public record Sent(
            String threadId,
            String deliveryId,
            String communicationId,
            int index,
            String providerMessageId,
            Instant at,
            String text) {}

    /** A CSR answered: the summary shows the answer last and the thread read (one conditional UpdateItem). */
    public void replied(String threadId, String text, Instant at) {
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(pk(threadId), SUMMARY))
                    .conditionExpression("attribute_exists(PK)")
                    .updateExpression("SET lastAt = :at, lastDirection = :out, lastText = :text, unread = :zero, "
                            + "GSI1SK = :list")
                    .expressionAttributeValues(Map.of(
                            ":at", s(at.toString()),
                            ":out", s(ThreadMessage.OUT),
                            ":text", s(preview(text)),
                            ":zero", n(0),
                            ":list", s(listKey(false, at, threadId)))));
        } catch (ConditionalCheckFailedException noSummary) {
            // a thread the customer never wrote in is not listed; its messages are all there is
        }
    }

    /**
     * Marks the thread read: one GetItem and one UpdateItem conditioned on no customer message having
     * come meanwhile (which leaves it unread, as it should). False when there is no such thread.
     */
    public boolean markRead(String threadId) {
        Optional<Map<String, AttributeValue>> summary = summaryItem(threadId);
        if (summary.isEmpty()) {
            return false;
        }
        String lastAt = str(summary.get(), "lastAt");
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(pk(threadId), SUMMARY))
                    .conditionExpression("lastAt = :seen")
                    .updateExpression("SET unread = :zero, GSI1SK = :list")
                    .expressionAttributeValues(Map.of(
                            ":seen", s(lastAt),
                            ":zero", n(0),
                            ":list", s(listKey(false, Instant.parse(lastAt), threadId)))));
        } catch (ConditionalCheckFailedException newerMessage) {
            // stays unread: the CSR has not seen what just came
        }
        return true;
    }

    /** The thread's summary (one GetItem); empty when the customer never wrote in it. */
    public Optional<ConversationThread> thread(String threadId) {
        return summaryItem(threadId).map(i -> toThread(threadId, i));
    }

    /**
     * Threads, unread first and newest first, a page of {@code limit} from the cursor {@code next}
     * (one Query of GSI1); only the unread ones when {@code unreadOnly}.
     */
    public ThreadPage threads(boolean unreadOnly, String next, int limit) {
        Map<String, AttributeValue> values = new HashMap<>();
        values.put(":p", s(LIST_PARTITION));
        String condition = "GSI1PK = :p";
        if (unreadOnly) {
            condition += " AND begins_with(GSI1SK, :unread)";
            values.put(":unread", s("0#"));
        }
        QueryRequest.Builder q = QueryRequest.builder()
                .tableName(table.name())
                .indexName(Table.GSI1)
                .keyConditionExpression(condition)
                .expressionAttributeValues(values)
                .limit(limit);
        if (next != null) {
            q.exclusiveStartKey(listCursor(next));
        }
        QueryResponse r = dynamo.query(q.build());
        List<ConversationThread> items = r.items().stream()
                .map(i -> toThread(str(i, Table.PK).substring("THREAD#".length()), i))
                .toList();
        String cursor = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
                ? OpaqueCursor.encode(str(r.lastEvaluatedKey(), Table.GSI1SK))
                : null;
        return new ThreadPage(items, cursor);
    }

    /** How many threads are unread, counting at most {@code max} (one Query of GSI1 keys). */
    public int unreadThreads(int max) {
        QueryResponse r = dynamo.query(b -> b.tableName(table.name())
                .indexName(Table.GSI1)
                .keyConditionExpression("GSI1PK = :p AND begins_with(GSI1SK, :unread)")
                .expressionAttributeValues(Map.of(":p", s(LIST_PARTITION), ":unread", s("0#")))
                .select("COUNT")
                .limit(max));
        return r.count();
    }

    /** A thread's latest {@code limit} messages before the cursor {@code before}, oldest first (one Query). */
    public MessagePage messages(String threadId, String before, int limit) {
        QueryRequest.Builder q = QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("PK = :p AND begins_with(SK, :m)")
                .expressionAttributeValues(Map.of(":p", s(pk(threadId)), ":m", s(MSG)))
                .scanIndexForward(false)
                .limit(limit);
        if (before != null) {
            String sk = OpaqueCursor.decode(before)
                    .filter(k -> k.startsWith(MSG) && k.length() < 200)
                    .orElseThrow(() -> com.switchboard.error.InvalidRequestException.invalid(
                            "before", "not a cursor this API handed out"));
            q.exclusiveStartKey(key(pk(threadId), sk));
        }
        QueryResponse r = dynamo.query(q.build());
        List<ThreadMessage> items = new ArrayList<>(
                r.items().stream().map(DynamoConversationStore::toMessage).toList());
        Collections.reverse(items);
        String cursor = r.hasLastEvaluatedKey() && !r.lastEvaluatedKey().isEmpty()
                ? OpaqueCursor.encode(str(r.lastEvaluatedKey(), Table.SK))
                : null;
        return new MessagePage(items, cursor);
    }

    /**
     * Our latest message to the thread's number sent after {@code since}: the communication a
     * customer's message most likely answers (one Query of the thread's newest 20 messages).
     */
    public Optional<ThreadMessage> lastSent(String threadId, Instant since) {
        QueryResponse r = dynamo.query(b -> b.tableName(table.name())
                .keyConditionExpression("PK = :p AND SK BETWEEN :from AND :to")
                .expressionAttributeValues(
                        Map.of(":p", s(pk(threadId)), ":from", s(MSG + millis(since)), ":to", s(MSG + "~")))
                .scanIndexForward(false)
                .limit(20));
        return r.items().stream()
                .map(DynamoConversationStore::toMessage)
                .filter(m -> ThreadMessage.OUT.equals(m.direction()))
                .findFirst();
    }

    /**
     * A customer's message by the provider's id, in the thread it was stored in: two GetItems (its
     * {@code INBOUND#} marker names where the message is). Empty when there is none in that thread.
     */
    public Optional<ThreadMessage> inbound(String threadId, String channel, String providerId) {
        var seen = dynamo.getItem(b -> b.tableName(table.name()).key(key(seenKey(channel, providerId), "SEEN")));
        if (!seen.hasItem() || !threadId.equals(str(seen.item(), "threadId"))) {
            return Optional.empty();
        }
        var message =
                dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(threadId), str(seen.item(), "messageKey"))));
        return message.hasItem() && !message.item().isEmpty()
                ? Optional.of(toMessage(message.item()))
                : Optional.empty();
    }

    /** The customers' replies to a communication, oldest first (one Query of its partition). */
    public List<ThreadMessage> replies(String communicationId, int limit) {
        QueryResponse r = dynamo.query(b -> b.tableName(table.name())
                .keyConditionExpression("PK = :p AND begins_with(SK, :r)")
                .expressionAttributeValues(Map.of(":p", s(Keys.communication(communicationId)), ":r", s(REPLY)))
                .limit(limit));
        return r.items().stream().map(DynamoConversationStore::toMessage).toList();
    }

    private Optional<Map<String, AttributeValue>> summaryItem(String threadId) {
        var r = dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(threadId), SUMMARY)));
        return r.hasItem() && !r.item().isEmpty() ? Optional.of(r.item()) : Optional.empty();
    }

    private Map<String, AttributeValue> messageItem(String threadId, ThreadMessage m, Instant at) {
        Map<String, AttributeValue> item = key(pk(threadId), MSG + millis(at) + "#" + m.direction() + "#" + m.id());
        item.put("type", s("ThreadMessage"));
        item.put("id", s(m.id()));
        item.put("direction", s(m.direction()));
        item.put("at", s(m.at()));
        putIfPresent(item, "text", m.text());
        putIfPresent(item, "communicationId", m.communicationId());
        if (m.recipientIndex() != null) {
            item.put("recipientIndex", n(m.recipientIndex()));
        }
        putIfPresent(item, "providerMessageId", m.providerMessageId());
        putIfPresent(item, "inReplyTo", m.inReplyTo());
        if (m.media() != null) {
            Map<String, AttributeValue> media = new HashMap<>();
            putIfPresent(media, "type", m.media().type());
            putIfPresent(media, "mediaId", m.media().mediaId());
            putIfPresent(media, "mimeType", m.media().mimeType());
            putIfPresent(media, "caption", m.media().caption());
            putIfPresent(media, "filename", m.media().filename());
            item.put("media", AttributeValue.fromM(media));
        }
        item.put(Retention.ATTRIBUTE, retention.communicationExpiry(at));
        return item;
    }

    private static ThreadMessage toMessage(Map<String, AttributeValue> i) {
        ThreadMessage.Media media = map(i, "media")
                .map(m -> new ThreadMessage.Media(
                        str(m, "type"), str(m, "mediaId"), str(m, "mimeType"), str(m, "caption"), str(m, "filename")))
                .orElse(null);
        return new ThreadMessage(
                str(i, "id"),
                str(i, "direction"),
                str(i, "at"),
                str(i, "text"),
                media,
                str(i, "communicationId"),
                i.containsKey("recipientIndex") ? (int) num(i, "recipientIndex") : null,
                str(i, "providerMessageId"),
                str(i, "inReplyTo"),
                str(i, "threadId"));
    }

    private static ConversationThread toThread(String threadId, Map<String, AttributeValue> i) {
        return new ConversationThread(
                threadId,
                str(i, "channel"),
                str(i, "number"),
                str(i, "stakeholderId"),
                str(i, "stakeholderType"),
                str(i, "displayName"),
                (int) num(i, "unread"),
                str(i, "lastAt"),
                str(i, "lastDirection"),
                str(i, "lastText"),
                str(i, "lastInboundAt"),
                str(i, "windowClosesAt"));
    }

    private static Map<String, AttributeValue> listCursor(String next) {
        String sk = OpaqueCursor.decode(next)
                .filter(k -> k.matches("[01]#[0-9]{13}#(sms|whatsapp)-[0-9]{7,15}"))
                .orElseThrow(() -> com.switchboard.error.InvalidRequestException.invalid(
                        "next", "not a cursor this API handed out"));
        String threadId = sk.substring(sk.lastIndexOf('#') + 1);
        Map<String, AttributeValue> start = key(pk(threadId), SUMMARY);
        start.put(Table.GSI1PK, s(LIST_PARTITION));
        start.put(Table.GSI1SK, s(sk));
        return start;
    }

    private static void set(
            StringBuilder set,
            Map<String, String> names,
            Map<String, AttributeValue> values,
            String name,
            AttributeValue v) {
        String n = "#a" + names.size();
        names.put(n, name);
        values.put(":v" + names.size(), v);
        set.append(n).append(" = :v").append(names.size()).append(", ");
    }

    static String listKey(boolean unread, Instant lastAt, String threadId) {
        return (unread ? "0#" : "1#") + String.format("%013d", NEWEST_FIRST - lastAt.toEpochMilli()) + "#" + threadId;
    }

    private static String preview(ThreadMessage m) {
        if (m.text() != null) {
            return preview(m.text());
        }
        return m.media() == null
                ? ""
                : "[" + m.media().type() + "]"
                        + (m.media().caption() == null
                                ? ""
                                : " " + preview(m.media().caption()));
    }

    private static String preview(String text) {
        return text.length() <= 160 ? text : text.substring(0, 159) + "…";
    }

    private static String millis(Instant at) {
        return String.format("%013d", Math.max(0, at.toEpochMilli()));
    }

    private static String seenKey(String channel, String providerId) {
        return "INBOUND#" + channel + "#" + providerId;
    }

    private static String pk(String threadId) {
        return "THREAD#" + threadId;
    }
}
