package com.switchboard.channel.whatsapp;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;

/**
 * When each customer last wrote to us on WhatsApp: {@code CONTACT#<e164> / WHATSAPP} with
 * {@code lastInboundAt} (ISO-8601 UTC, whole seconds, so the strings order like the instants). It
 * opens the 24-hour customer-service window; the webhook writes it, the provider reads it.
 */
@ApplicationScoped
public class DynamoWhatsAppContactStore {
    static final String SK = "WHATSAPP";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    /** Records an inbound message; an older one arriving late (webhooks are not ordered) changes nothing. */
    public void recordInbound(String e164, Instant at) {
        String when = at.truncatedTo(ChronoUnit.SECONDS).toString();
        try {
            dynamo.updateItem(b -> b.tableName(table.name())
                    .key(key(pk(e164), SK))
                    .updateExpression("SET #type = :type, lastInboundAt = :at")
                    .conditionExpression("attribute_not_exists(lastInboundAt) OR lastInboundAt < :at")
                    .expressionAttributeNames(Map.of("#type", "type"))
                    .expressionAttributeValues(Map.of(":type", s("WhatsAppContact"), ":at", s(when))));
        } catch (ConditionalCheckFailedException newerKnown) {
            // a later message of this customer is already recorded
        }
    }

    /** The customer's last inbound message time, read consistently so a message just received counts. */
    public Optional<Instant> lastInboundAt(String e164) {
        var result = dynamo.getItem(
                b -> b.tableName(table.name()).key(key(pk(e164), SK)).consistentRead(true));
        if (!result.hasItem() || result.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(str(result.item(), "lastInboundAt")).map(Instant::parse);
    }

    /** {@link #lastInboundAt(String)} of several numbers with one consistent BatchGetItem (up to 100). */
    public Map<String, Optional<Instant>> lastInboundAt(List<String> numbers) {
        Map<String, Optional<Instant>> last = new HashMap<>();
        for (int i = 0; i < numbers.size(); i += 100) {
            List<Map<String, AttributeValue>> keys = numbers.subList(i, Math.min(i + 100, numbers.size())).stream()
                    .map(n -> key(pk(n), SK))
                    .toList();
            var result = dynamo.batchGetItem(b -> b.requestItems(Map.of(
                    table.name(),
                    KeysAndAttributes.builder().keys(keys).consistentRead(true).build())));
            if (!result.unprocessedKeys().isEmpty()) {
                continue; // those numbers are read one by one at their send
            }
            numbers.subList(i, Math.min(i + 100, numbers.size())).forEach(n -> last.put(n, Optional.empty()));
            for (var item : result.responses().getOrDefault(table.name(), List.of())) {
                last.put(
                        str(item, "PK").substring("CONTACT#".length()),
                        Optional.ofNullable(str(item, "lastInboundAt")).map(Instant::parse));
            }
        }
        return last;
    }

    static String pk(String e164) {
        return "CONTACT#" + e164;
    }
}
