package com.switchboard.channel.whatsapp;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

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
            dynamo.updateItem(b -> b.tableName(table.name()).key(key(pk(e164), SK))
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
        var result = dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(e164), SK)).consistentRead(true));
        if (!result.hasItem() || result.item().isEmpty()) {
            return Optional.empty();
        }
        return Optional.ofNullable(str(result.item(), "lastInboundAt")).map(Instant::parse);
    }

    static String pk(String e164) {
        return "CONTACT#" + e164;
    }
}
