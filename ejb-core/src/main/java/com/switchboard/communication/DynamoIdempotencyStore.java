package com.switchboard.communication;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;

/**
 * {@code IDEMPOTENCY#<caller>:<key> / KEY} items: the first request with a key claims it with a
 * conditional put; later ones read who claimed it. Keys expire after a day (TTL attribute).
 */
@ApplicationScoped
public class DynamoIdempotencyStore {
    private static final long TTL_SECONDS = 24 * 3600;
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    /** The claim already made with this key. */
    public record Claim(String communicationId, String requestHash) {}

    /** Claims the key for a new communication; returns the earlier claim when there is one. */
    public Optional<Claim> claim(String scopedKey, String communicationId, String requestHash, Instant now) {
        Map<String, AttributeValue> item = key(pk(scopedKey), "KEY");
        item.put("type", s("Idempotency"));
        item.put("communicationId", s(communicationId));
        item.put("requestHash", s(requestHash));
        item.put("createdAt", s(now.toString()));
        item.put("expiresAt", n(now.getEpochSecond() + TTL_SECONDS));
        try {
            dynamo.putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
            return Optional.empty();
        } catch (ConditionalCheckFailedException taken) {
            var existing = dynamo.getItem(b -> b.tableName(table.name())
                            .key(key(pk(scopedKey), "KEY"))
                            .consistentRead(true))
                    .item();
            return Optional.of(new Claim(str(existing, "communicationId"), str(existing, "requestHash")));
        }
    }

    /** What a request body is compared by: SHA-256 of its JSON (absent values left out, so old bodies hash alike). */
    public static String requestHash(Object body) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(JSONB.toJson(body).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Gives the key back when the request it guarded could not be accepted after all. */
    public void release(String scopedKey) {
        dynamo.deleteItem(b -> b.tableName(table.name()).key(key(pk(scopedKey), "KEY")));
    }

    private static String pk(String scopedKey) {
        return "IDEMPOTENCY#" + scopedKey;
    }
}
