package com.switchboard.communication;

import static com.switchboard.communication.DynamoCommunicationStore.DETAILS;
import static com.switchboard.communication.DynamoCommunicationStore.pk;
import static com.switchboard.communication.DynamoCommunicationStore.stored;
import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;

import com.switchboard.channel.Channel;
import com.switchboard.communication.DynamoCommunicationStore.StoredRecipient;
import com.switchboard.document.Attachments;
import com.switchboard.store.BatchReader;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Reads over a whole communication partition: the communication as the API shows it ({@code DETAILS}
 * and every recipient chunk, one paged Query) and a recipient found by address. Writes, and
 * reads by key, are {@link DynamoCommunicationStore}'s.
 */
@ApplicationScoped
public class DynamoCommunicationViews {
    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchReader reader;

    /** The first recipient of a communication on {@code channel} at {@code address} (case-insensitive). */
    public Optional<StoredRecipient> recipientByAddress(String id, Channel channel, String address) {
        var pages = dynamo.queryPaginator(QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :r)")
                .expressionAttributeValues(Map.of(":pk", s(pk(id)), ":r", s(RecipientChunks.skPrefix())))
                .consistentRead(true)
                .build());
        for (var chunk : pages.items()) {
            for (var i : RecipientChunks.entries(chunk)) {
                if (channel.name().equals(str(i, "channel")) && address.equalsIgnoreCase(str(i, "address"))) {
                    return Optional.of(stored(id, i));
                }
            }
        }
        return Optional.empty();
    }

    /**
     * The per-status counts of each of {@code ids} (absent: not found), read with one BatchGetItem of
     * their DETAILS and, for large sends, one more of their other count items.
     */
    public Map<String, Map<String, Long>> counts(List<String> ids) {
        List<String> attributes = new ArrayList<>(List.of("communicationId", "countItems"));
        CountItems.STATUSES.forEach(k -> attributes.add("count_" + k));
        Map<String, Map<String, AttributeValue>> details =
                reader.getAll(ids.stream().map(id -> key(pk(id), DETAILS)).toList(), attributes);
        Map<String, List<Map<String, AttributeValue>>> items = new HashMap<>();
        List<Map<String, AttributeValue>> more = new ArrayList<>();
        for (var d : details.values()) {
            String id = str(d, "communicationId");
            items.computeIfAbsent(id, i -> new ArrayList<>()).add(d);
            List<Map<String, AttributeValue>> keys = CountItems.of(d).keys(id);
            more.addAll(keys.subList(1, keys.size())); // DETAILS is read already
        }
        if (!more.isEmpty()) {
            reader.getAll(more)
                    .values()
                    .forEach(i ->
                            items.get(str(i, "PK").substring(pk("").length())).add(i));
        }
        Map<String, Map<String, Long>> counts = new HashMap<>();
        items.forEach((id, list) -> counts.put(id, CountItems.sum(list)));
        return counts;
    }

    public Optional<CommunicationView> view(String id) {
        Map<String, AttributeValue> details = null;
        List<Map<String, AttributeValue>> countItems = new ArrayList<>();
        List<RecipientView> recipients = new ArrayList<>();
        var pages = dynamo.queryPaginator(QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("PK = :pk")
                .expressionAttributeValues(Map.of(":pk", s(pk(id))))
                .build());
        for (var item : pages.items()) {
            String sk = str(item, "SK");
            if (DETAILS.equals(sk)) {
                details = item;
                countItems.add(item);
            } else if (CountItems.isCountItem(sk)) {
                countItems.add(item);
            } else if (RecipientChunks.isChunk(sk)) {
                RecipientChunks.entries(item).forEach(entry -> recipients.add(recipientView(entry)));
            }
        }
        if (details == null) {
            return Optional.empty();
        }
        Map<String, Long> counts = CountItems.sum(countItems);
        var d = details;
        return Optional.of(new CommunicationView(
                id,
                str(d, "vehicleId"),
                str(d, "customerId"),
                strings(d, "channels"),
                str(d, "primaryChannel"),
                new CommunicationView.MessageView(
                        str(d, "subject"),
                        str(d, "content"),
                        str(d, "templateId"),
                        d.containsKey("templateVersion") ? (int) num(d, "templateVersion") : null,
                        str(d, "locale")),
                str(d, "urgency"),
                str(d, "scheduledAt"),
                str(d, "sentAt"),
                str(d, "status"),
                str(d, "createdAt"),
                str(d, "createdBy"),
                str(d, "correlationId"),
                counts,
                d.containsKey("dispatched")
                        ? num(d, "dispatched")
                        : CommunicationStatus.Scheduled.name().equals(str(d, "status"))
                                        || CommunicationStatus.Cancelled.name().equals(str(d, "status"))
                                ? 0
                                : recipients.size(),
                recipients,
                Attachments.of(d.get("attachments"))));
    }

    private static RecipientView recipientView(Map<String, AttributeValue> item) {
        return new RecipientView(
                (int) num(item, "index"),
                str(item, "channel"),
                str(item, "address"),
                str(item, "stakeholderId"),
                str(item, "rule"),
                str(item, "status"),
                str(item, "sentAt"),
                str(item, "deliveredAt"),
                str(item, "providerMessageId"),
                str(item, "reason"),
                (int) num(item, "attempts"),
                str(item, "updatedAt"),
                item.containsKey("segments") ? (int) num(item, "segments") : null,
                item.containsKey("previousIndex") ? (int) num(item, "previousIndex") : null,
                item.containsKey("nextIndex") ? (int) num(item, "nextIndex") : null,
                strings(item, "fallbacks").stream()
                        .map(FallbackStep::decode)
                        .map(f -> new SendRequest.Fallback(f.channel().name(), f.address()))
                        .toList(),
                str(item, "heldFor"),
                str(item, "heldUntil"),
                str(item, "digestCommunicationId"));
    }
}
