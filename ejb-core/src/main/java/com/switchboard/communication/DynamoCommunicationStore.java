package com.switchboard.communication;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.list;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;

import com.switchboard.channel.Channel;
import com.switchboard.document.Attachments;
import com.switchboard.document.DocumentRef;
import com.switchboard.store.BatchReader;
import com.switchboard.store.BatchWriter;
import com.switchboard.store.Keys;
import com.switchboard.store.RequestCoalescer;
import com.switchboard.store.Retention;
import com.switchboard.store.Shards;
import com.switchboard.store.Table;
import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * Communications as one partition each: {@code DETAILS} plus the recipients in chunk items of
 * {@link RecipientChunks#SIZE} ({@link RecipientChunks}; a 10,000-recipient send would not fit one
 * 400 KB item, and one hot item would serialise every status update). Every status change is
 * conditional on the state it leaves.
 */
@ApplicationScoped
public class DynamoCommunicationStore {
    static final String DETAILS = "DETAILS";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchWriter batch;

    @Inject
    BatchReader reader;

    @Inject
    Shards shards;

    @Inject
    Retention retention;

    private final RequestCoalescer.Striped<CountMoves.Move, RuntimeException> countMoves = CountMoves.coalescer(this);

    private ChunkWriter chunks;

    /** How long a receipt's move waits for others of its chunk, so they are written together. */
    @Inject
    @ConfigProperty(name = "receipts.coalesce.linger.ms", defaultValue = "20")
    long lingerMillis;

    /** Read per send ({@code counts.spread.recipients}, see {@link #countItems}), so a running server takes a new value. */
    @Inject
    Config config;

    private final Map<String, Details> recentDetails =
            Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<String, Details> eldest) {
                    return size() > 512;
                }
            });

    /** The stored details of one communication, as the pipeline needs them to send. */
    public record Details(
            String id,
            RenderedMessage rendered,
            ProviderTemplate providerTemplate,
            String correlationId,
            String escalateAfter,
            boolean marketing,
            CountItems counts,
            List<DocumentRef> attachments) {}

    /**
     * One stored recipient; {@code escalates} says it has a fallback chain and an escalateAfter;
     * {@code timing}, {@code heldFor} and {@code releasedAt} say whether it waits for a digest or the
     * end of quiet hours (see {@code coordination.timing}).
     */
    public record StoredRecipient(
            String communicationId,
            int index,
            Channel channel,
            String address,
            RecipientStatus status,
            int attempts,
            boolean escalates,
            String timing,
            String heldFor,
            String releasedAt) {}

    @PostConstruct
    void init() {
        chunks = new ChunkWriter(() -> dynamo, table::name, this::countMoves, lingerMillis);
    }

    public void create(NewCommunication c) {
        create(c, List.of(), null);
    }

    /**
     * Writes DETAILS, every recipient and {@code more} (such as the SCHEDULE item) in one batch; the
     * recipient chunks owned by {@code owner}, whose queue takes their tickets now (null: later).
     */
    public void create(NewCommunication c, List<Map<String, AttributeValue>> more, String owner) {
        CountItems counts = countItems(c);
        List<Map<String, AttributeValue>> items = new ArrayList<>(detailsItems(c, counts));
        items.addAll(RecipientChunks.items(
                c.id(),
                c.recipients().stream()
                        .map(r -> recipientEntry(r, c.createdAt(), c.request().escalateAfter(), counts))
                        .toList(),
                retention.communicationExpiry(c.createdAt()),
                owner));
        items.addAll(more);
        batch.putAll(items);
    }

    /**
     * Writes DETAILS and {@code more} only: the recipients of a fanned-out send are written later,
     * chunk by chunk, by the fan-out consumer ({@link #putRecipients}).
     */
    public void createDetails(NewCommunication c, int fanOutChunks, List<Map<String, AttributeValue>> more) {
        List<Map<String, AttributeValue>> items = new ArrayList<>(detailsItems(c, countItems(c)));
        items.get(0).put("fanOutChunks", n(fanOutChunks));
        items.get(0).put("dispatched", n(0));
        items.addAll(more);
        batch.putAll(items);
    }

    /**
     * Writes recipients, all Pending (a fan-out chunk; written again as they were when its message is
     * redelivered). Whole chunk items are put, so a fan-out chunk must hold whole recipient chunks.
     */
    public void putRecipients(String id, List<NewCommunication.Planned> recipients, String at, String owner) {
        Optional<Details> details = details(id);
        String escalateAfter = details.map(Details::escalateAfter).orElse(null);
        CountItems counts = details.map(Details::counts).orElse(CountItems.SINGLE);
        batch.putAll(RecipientChunks.items(
                id,
                recipients.stream()
                        .map(r -> recipientEntry(r, at, escalateAfter, counts))
                        .toList(),
                retention.communicationExpiry(at),
                owner));
    }

    private static Map<String, AttributeValue> recipientEntry(
            NewCommunication.Planned r, String at, String escalateAfter, CountItems counts) {
        Map<String, AttributeValue> item =
                RecipientChunks.newEntry(r.index(), r.channel().name(), r.address(), at);
        if (counts.itemOf(r.index()) != 0) {
            item.put(CountItems.ENTRY_ATTRIBUTE, n(counts.itemOf(r.index())));
        }
        putIfPresent(item, "stakeholderId", r.stakeholderId());
        putIfPresent(item, "rule", r.rule());
        if (!r.fallbacks().isEmpty()) {
            item.put(
                    "fallbacks",
                    list(r.fallbacks().stream().map(FallbackStep::encoded).toList()));
            putIfPresent(item, "escalateAfter", escalateAfter);
        }
        putIfPresent(item, "timing", r.timing());
        return item;
    }

    private CountItems countItems(NewCommunication c) {
        // recipients per count item of a large send; a send of fewer counts on DETAILS alone
        return CountItems.forSend(
                c.recipients().size(),
                config.getOptionalValue("counts.spread.recipients", Integer.class)
                        .orElse(CountItems.DEFAULT_SPREAD));
    }

    /** DETAILS and, for a large send, its other count items, all Pending. */
    private List<Map<String, AttributeValue>> detailsItems(NewCommunication c, CountItems counts) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        items.add(detailsItem(c, counts));
        for (int k = 1; k < counts.items(); k++) {
            Map<String, AttributeValue> item = key(pk(c.id()), CountItems.sk(k));
            item.put("countItems", n(counts.items()));
            CountItems.initial(item, counts.plannedOn(k));
            item.put(Retention.ATTRIBUTE, retention.communicationExpiry(c.createdAt()));
            items.add(item);
        }
        return items;
    }

    private Map<String, AttributeValue> detailsItem(NewCommunication c, CountItems counts) {
        SendRequest r = c.request();
        Map<String, AttributeValue> item = key(pk(c.id()), DETAILS);
        item.put("type", s("Communication"));
        item.put("communicationId", s(c.id()));
        putIfPresent(item, "vehicleId", r.vehicleId());
        putIfPresent(item, "customerId", r.customerId());
        item.put("channels", list(c.channels()));
        putIfPresent(item, "primaryChannel", r.primaryChannel());
        putIfPresent(item, "subject", r.message().subject());
        putIfPresent(item, "content", r.message().content());
        putIfPresent(item, "templateId", r.message().templateId());
        if (c.templateVersion() != null) {
            item.put("templateVersion", n(c.templateVersion()));
        }
        putIfPresent(item, "locale", c.locale());
        putIfPresent(item, "renderedSubject", c.rendered().subject());
        item.put("renderedText", s(c.rendered().text()));
        item.put("renderedHtml", s(c.rendered().html()));
        if (c.providerTemplate() != null) {
            item.put("providerTemplate", s(c.providerTemplate().name()));
            item.put("providerTemplateLanguage", s(c.providerTemplate().language()));
            item.put("providerTemplateParameters", list(c.providerTemplate().parameters()));
        }
        if (!c.attachments().isEmpty()) {
            item.put("attachments", Attachments.attribute(c.attachments()));
        }
        item.put("urgency", s(c.urgency().name()));
        putIfPresent(item, "mode", r.mode());
        putIfPresent(item, "escalateAfter", r.escalateAfter());
        putIfPresent(item, "scheduledAt", r.scheduledAt());
        item.put("status", s(CommunicationStatus.Scheduled.name()));
        item.put(Table.GSI3PK, s(dayPartition(c.createdAt().substring(0, 10), shards.of(c.id()))));
        item.put(Table.GSI3SK, s(c.createdAt() + "#" + c.id()));
        item.put("createdAt", s(c.createdAt()));
        item.put(Retention.ATTRIBUTE, retention.communicationExpiry(c.createdAt()));
        item.put("createdBy", s(c.createdBy()));
        putIfPresent(item, "idempotencyKey", c.idempotencyKey());
        putIfPresent(item, "correlationId", r.correlationId());
        item.put("category", s(r.marketing() ? "marketing" : "service"));
        item.put("recipientCount", n(c.recipients().size()));
        CountItems.initial(
                item, counts.spread() ? counts.plannedOn(0) : c.recipients().size());
        if (counts.spread()) {
            item.put("countItems", n(counts.items()));
            item.put("plannedRecipients", n(counts.planned()));
        }
        return item;
    }

    /**
     * What the pipeline sends for a communication. Every recipient of a send needs it and it never
     * changes once stored, so each server keeps the most recent ones instead of reading DynamoDB
     * once per recipient.
     */
    public Optional<Details> details(String id) {
        Details cached = recentDetails.get(id);
        if (cached != null) {
            return Optional.of(cached);
        }
        Optional<Details> read = readDetails(id);
        read.ifPresent(d -> recentDetails.put(id, d));
        return read;
    }

    private Optional<Details> readDetails(String id) {
        // consistent: the ticket may arrive right after the item was written
        var result = dynamo.getItem(
                b -> b.tableName(table.name()).key(key(pk(id), DETAILS)).consistentRead(true));
        if (!result.hasItem() || result.item().isEmpty()) {
            return Optional.empty();
        }
        var i = result.item();
        ProviderTemplate template = i.containsKey("providerTemplate")
                ? new ProviderTemplate(
                        str(i, "providerTemplate"),
                        str(i, "providerTemplateLanguage"),
                        strings(i, "providerTemplateParameters"))
                : null;
        return Optional.of(new Details(
                id,
                new RenderedMessage(str(i, "renderedSubject"), str(i, "renderedText"), str(i, "renderedHtml")),
                template,
                str(i, "correlationId"),
                str(i, "escalateAfter"),
                "marketing".equals(str(i, "category")),
                CountItems.of(i),
                Attachments.of(i.get("attachments"))));
    }

    public Optional<StoredRecipient> recipient(String id, int index) {
        var result = dynamo.getItem(b -> b.tableName(table.name())
                .key(RecipientChunks.key(id, index))
                .consistentRead(true)
                .projectionExpression("#r.#e")
                .expressionAttributeNames(RecipientChunks.names(index, Map.of())));
        var entry = result.hasItem() ? RecipientChunks.entry(result.item(), index) : null;
        return entry == null ? Optional.empty() : Optional.of(stored(id, entry));
    }

    /** Several recipients of one communication with one BatchGetItem, in the order asked; a missing one is an error. */
    public List<StoredRecipient> recipients(String id, List<Integer> indexes) {
        Map<String, Map<String, AttributeValue>> found = reader.getAll(indexes.stream()
                .map(RecipientChunks::sk)
                .distinct()
                .map(sk -> key(pk(id), sk))
                .toList());
        List<StoredRecipient> recipients = new ArrayList<>(indexes.size());
        for (int index : indexes) {
            var chunk = found.get(pk(id) + " " + RecipientChunks.sk(index));
            var item = chunk == null ? null : RecipientChunks.entry(chunk, index);
            if (item == null) {
                throw new IllegalStateException("no recipient " + index + " in communication " + id);
            }
            recipients.add(stored(id, item));
        }
        return recipients;
    }

    static StoredRecipient stored(String id, Map<String, AttributeValue> i) {
        return new StoredRecipient(
                id,
                (int) num(i, "index"),
                Channel.valueOf(str(i, "channel")),
                str(i, "address"),
                RecipientStatus.valueOf(str(i, "status")),
                (int) num(i, "attempts"),
                i.containsKey("escalateAfter") && !strings(i, "fallbacks").isEmpty(),
                str(i, "timing"),
                str(i, "heldFor"),
                str(i, "releasedAt"));
    }

    /**
     * Moves recipients of one communication, each chunk's moves in one conditional write
     * ({@link ChunkWriter}), and counts them; answers the moves made (a recipient that was no
     * longer in its move's {@code from} is left as it is). Writes only: {@link RecipientMoves}
     * announces them.
     */
    List<MovedRecipient> moveAll(String id, List<ChunkMove> moves, String at) {
        return chunks.move(id, moves, at);
    }

    /**
     * One move many threads make at once (receipts): written with the moves of the same chunk that
     * other threads make at the same moment, and counted; null when the recipient was no longer in
     * {@code from}.
     */
    MovedRecipient moveCoalesced(String id, ChunkMove move, String at) {
        return chunks.coalesced(id, move, at);
    }

    /**
     * Shifts {@code n} recipients between the per-status counts of count item {@code item}
     * ({@link CountItems}: 0, DETAILS, unless the send is large) and re-derives the communication's
     * status, returning once written. A count item is one hot item per communication that DynamoDB
     * (and dynalite, which locks per item) updates one at a time, so the moves of one communication
     * made at the same moment (receipts, consumers) are summed into one ADD ({@link CountMoves}).
     */
    public void countMoves(String id, int item, RecipientStatus from, RecipientStatus to, int n) {
        if (n == 0) {
            return;
        }
        RuntimeException failed = countMoves.submit(new CountMoves.Move(id, item, from, to, n));
        if (failed != null) {
            throw failed;
        }
    }

    /** {@link #countMoves} as one UpdateItem, and the status it leads to. */
    void addCounts(String id, int item, RecipientStatus from, RecipientStatus to, int n) {
        var updated = dynamo.updateItem(b -> b.tableName(table.name())
                        .key(key(pk(id), CountItems.sk(item)))
                        .updateExpression("ADD #from :minus, #to :plus")
                        .expressionAttributeNames(Map.of("#from", "count_" + from.name(), "#to", "count_" + to.name()))
                        .expressionAttributeValues(Map.of(":minus", n(-n), ":plus", n(n)))
                        .returnValues(ReturnValue.ALL_NEW))
                .attributes();
        Map<String, AttributeValue> details;
        CommunicationStatus derived;
        if (item == 0 && !CountItems.of(updated).spread()) {
            details = updated;
            derived = derived(updated);
        } else if (CountItems.open(updated)) {
            if (item != 0) {
                return; // recipients of this item are still on their way, so is the send: it reads Sent already
            }
            details = updated;
            derived = CommunicationStatus.Sent;
        } else {
            // this item's recipients are done: whether the send is, only all its items tell
            Map<String, Map<String, AttributeValue>> all = countItems(id, CountItems.of(updated));
            details = all.get(BatchReader.id(key(pk(id), DETAILS)));
            if (details == null) {
                return;
            }
            derived = derivedFrom(CountItems.sum(all.values()));
        }
        String current = str(details, "status");
        if (CommunicationStatus.Scheduled.name().equals(current)
                || CommunicationStatus.Cancelled.name().equals(current)) {
            return; // markDispatched derives it once dispatch is done; a cancelled one stays cancelled
        }
        setStatus(id, current, derived.name(), null);
    }

    /** Every count item of a spread send (DETAILS among them), read at once. */
    private Map<String, Map<String, AttributeValue>> countItems(String id, CountItems counts) {
        return reader.getAll(counts.keys(id));
    }

    private static CommunicationStatus derived(Map<String, AttributeValue> details) {
        return derivedFrom(CountItems.sum(List.of(details)));
    }

    private static CommunicationStatus derivedFrom(Map<String, Long> totals) {
        return CommunicationStatus.from(
                totals.get("Pending"), totals.get("Sent"), totals.get("Delivered"), totals.get("Failed"));
    }

    /** The communication left {@code Scheduled}: its recipients are on their queues. */
    public void markDispatched(String id, String at) {
        // the moved item carries the counts, so recipients that finished before this write are derived without a read
        Optional<Map<String, AttributeValue>> moved =
                setStatus(id, CommunicationStatus.Scheduled.name(), CommunicationStatus.Sent.name(), at);
        var item = moved.isPresent()
                ? moved.get()
                : dynamo.getItem(b -> b.tableName(table.name())
                                .key(key(pk(id), DETAILS))
                                .consistentRead(true))
                        .item();
        CountItems counts = CountItems.of(item);
        CommunicationStatus derived = counts.spread()
                ? derivedFrom(CountItems.sum(countItems(id, counts).values()))
                : derived(item);
        setStatus(id, str(item, "status"), derived.name(), null);
    }

    /** Moves the communication's status; the item as written, or empty when it was no longer {@code from}. */
    private Optional<Map<String, AttributeValue>> setStatus(String id, String from, String to, String sentAt) {
        if (to.equals(from)) {
            return Optional.empty();
        }
        String update = sentAt == null ? "SET #s = :to" : "SET #s = :to, sentAt = :sentAt";
        Map<String, AttributeValue> values = new HashMap<>(Map.of(":to", s(to), ":from", s(from)));
        if (sentAt != null) {
            values.put(":sentAt", s(sentAt));
        }
        try {
            return Optional.of(dynamo.updateItem(b -> b.tableName(table.name())
                            .key(key(pk(id), DETAILS))
                            .updateExpression(update)
                            .conditionExpression("#s = :from")
                            .expressionAttributeNames(Map.of("#s", "status"))
                            .expressionAttributeValues(values)
                            .returnValues(ReturnValue.ALL_NEW))
                    .attributes());
        } catch (ConditionalCheckFailedException raced) {
            // a concurrent transition already moved it; the last count update derives the final state
            return Optional.empty();
        }
    }

    /**
     * GSI3 on {@code DETAILS}: {@code COMMS#<yyyy-mm-dd of createdAt>#<shard of id>} /
     * {@code <createdAt>#<id>}. Both never change, so a cursor over them stays valid while statuses
     * move; status and the other filters are applied while reading the shards of one day after another.
     */
    public static String dayPartition(String day, int shard) {
        return Shards.key("COMMS#" + day, shard);
    }

    public void delete(NewCommunication c) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>(countItems(c).keys(c.id()));
        c.recipients().stream()
                .map(r -> RecipientChunks.sk(r.index()))
                .distinct()
                .forEach(sk -> keys.add(key(pk(c.id()), sk)));
        batch.deleteAll(keys);
    }

    static String pk(String id) {
        return Keys.communication(id);
    }
}
