package com.switchboard.communication;

import static com.switchboard.communication.DynamoCommunicationStore.DETAILS;
import static com.switchboard.communication.DynamoCommunicationStore.pk;
import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.list;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;

import com.switchboard.channel.Channel;
import com.switchboard.store.Retention;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;

/**
 * The fallback chain on a communication's recipient items: a recipient keeps the channels still to
 * try ({@code fallbacks}, {@code <channel> <address>}) and its {@code escalateAfter}; the next
 * attempt is a new recipient entry (in its {@link RecipientChunks chunk}) linked both ways ({@code previousIndex} /
 * {@code nextIndex}). The chain moves on from a recipient at most once: a conditional write of
 * {@code fallbackStartedAt}, refused once it is set or the recipient was Delivered.
 */
@ApplicationScoped
public class DynamoFallbackChainStore {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    Retention retention;

    /** One link of a chain as stored. */
    public record Link(
            String communicationId,
            int index,
            Channel channel,
            String address,
            String stakeholderId,
            RecipientStatus status,
            List<FallbackStep> fallbacks,
            String escalateAfter,
            boolean started) {}

    public Optional<Link> link(String id, int index) {
        var result = dynamo.getItem(b -> b.tableName(table.name())
                .key(RecipientChunks.key(id, index))
                .consistentRead(true)
                .projectionExpression("#r.#e")
                .expressionAttributeNames(RecipientChunks.names(index, Map.of())));
        var i = result.hasItem() ? RecipientChunks.entry(result.item(), index) : null;
        if (i == null) {
            return Optional.empty();
        }
        return Optional.of(new Link(
                id,
                index,
                Channel.valueOf(str(i, "channel")),
                str(i, "address"),
                str(i, "stakeholderId"),
                RecipientStatus.valueOf(str(i, "status")),
                strings(i, "fallbacks").stream().map(FallbackStep::decode).toList(),
                str(i, "escalateAfter"),
                i.containsKey("fallbackStartedAt")));
    }

    /** Claims the move to the next channel; false when it was claimed before or the recipient has been Delivered. */
    public boolean claim(Link link, String at) {
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(RecipientChunks.key(link.communicationId(), link.index()))
                    .updateExpression("SET #r.#e.fallbackStartedAt = :at")
                    .conditionExpression(
                            "attribute_not_exists(#r.#e.fallbackStartedAt) AND (#r.#e.#s = :pending OR #r.#e.#s = :sent)")
                    .expressionAttributeNames(RecipientChunks.names(link.index(), Map.of("#s", "status")))
                    .expressionAttributeValues(Map.of(
                            ":at",
                            s(at),
                            ":pending",
                            s(RecipientStatus.Pending.name()),
                            ":sent",
                            s(RecipientStatus.Sent.name()))));
            return true;
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
    }

    /**
     * Adds the next attempt after {@code from}, Pending, on the first of its fallbacks, and links the
     * two; returns the new index. The communication counts it Pending before anything can fail
     * {@code from}, so the communication never reads Failed while the chain goes on.
     */
    public int append(Link from, String at) {
        FallbackStep step = from.fallbacks().get(0);
        List<FallbackStep> rest = from.fallbacks().subList(1, from.fallbacks().size());
        var counts = dynamo.updateItem(b -> b.tableName(table.name())
                        .key(key(pk(from.communicationId()), DETAILS))
                        .updateExpression("ADD recipientCount :one, count_Pending :one")
                        .expressionAttributeValues(Map.of(":one", n(1)))
                        .returnValues(ReturnValue.UPDATED_NEW))
                .attributes();
        int index = (int) num(counts, "recipientCount") - 1;
        var item = RecipientChunks.newEntry(index, step.channel().name(), step.address(), at);
        putIfPresent(item, "stakeholderId", from.stakeholderId());
        item.put("rule", s(ChannelSelection.FALLBACK));
        item.put("previousIndex", n(from.index()));
        if (!rest.isEmpty()) {
            item.put("fallbacks", list(rest.stream().map(FallbackStep::encoded).toList()));
            putIfPresent(item, "escalateAfter", from.escalateAfter());
        }
        addEntry(from.communicationId(), index, item, at);
        dynamo.updateItem(b -> b.tableName(table.name())
                .key(RecipientChunks.key(from.communicationId(), from.index()))
                .updateExpression("SET #r.#e.nextIndex = :next")
                .expressionAttributeNames(RecipientChunks.names(from.index(), Map.of()))
                .expressionAttributeValues(Map.of(":next", n(index))));
        return index;
    }

    /**
     * Adds an entry to its chunk: into the existing chunk item, or as a new item when it is the
     * chunk's first entry (a fallback past the planned recipients); a race between two first entries
     * of one chunk is settled by the put's condition and the loser adds its entry to the winner's item.
     */
    private void addEntry(String id, int index, Map<String, AttributeValue> entry, String at) {
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                dynamo.updateItem(b -> b.tableName(table.name())
                        .key(RecipientChunks.key(id, index))
                        .updateExpression("SET #r.#e = :entry ADD #p :one")
                        .conditionExpression("attribute_exists(#r)")
                        .expressionAttributeNames(RecipientChunks.names(index, Map.of("#p", RecipientChunks.PENDING)))
                        .expressionAttributeValues(Map.of(":entry", AttributeValue.fromM(entry), ":one", n(1))));
                return;
            } catch (ConditionalCheckFailedException noChunkYet) {
                // its owner: see ChunkOwnership.adopt
                var item = RecipientChunks.items(id, List.of(entry), retention.communicationExpiry(at), null)
                        .get(0);
                try {
                    dynamo.putItem(
                            b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
                    return;
                } catch (ConditionalCheckFailedException created) {
                    // another entry created the chunk meanwhile: add to it
                }
            }
        }
        throw new IllegalStateException("could not add recipient " + index + " to communication " + id);
    }
}
