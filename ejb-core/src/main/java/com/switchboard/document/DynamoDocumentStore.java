package com.switchboard.document;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.store.BatchReader;
import com.switchboard.store.Retention;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A document's metadata as a small item, {@code DOCUMENT#<id>} / {@code METADATA} (never its
 * bytes: those are in S3), expiring through the table's TTL ({@link Retention#ATTRIBUTE}) at the
 * end of the document's retention. Readers also compare the time themselves, because DynamoDB
 * deletes expired items only eventually (and dynalite never).
 */
@ApplicationScoped
public class DynamoDocumentStore {
    static final String SK = "METADATA";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchReader reader;

    static String pk(String id) {
        return "DOCUMENT#" + id;
    }

    /** One PutItem. */
    public void put(Document d) {
        Map<String, AttributeValue> item = key(pk(d.id()), SK);
        item.put("type", s("Document"));
        item.put("documentId", s(d.id()));
        item.put("filename", s(d.filename()));
        item.put("contentType", s(d.contentType()));
        item.put("size", n(d.size()));
        item.put("sha256", s(d.sha256()));
        item.put("createdBy", s(d.createdBy()));
        item.put("createdAt", s(d.createdAt().toString()));
        item.put(Retention.ATTRIBUTE, n(d.expiresAt().getEpochSecond()));
        dynamo.putItem(b -> b.tableName(table.name()).item(item));
    }

    /** One GetItem; empty when there is none (never uploaded, or deleted by its TTL). */
    public Optional<Document> find(String id) {
        var item = dynamo.getItem(
                        b -> b.tableName(table.name()).key(key(pk(id), SK)).consistentRead(true))
                .item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(document(item));
    }

    /** Several documents with one BatchGetItem (a send's attachments), by id; missing ones are left out. */
    public Map<String, Document> findAll(List<String> ids) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        ids.stream().distinct().forEach(id -> keys.add(key(pk(id), SK)));
        Map<String, Document> found = new LinkedHashMap<>();
        reader.getAll(keys).values().forEach(i -> found.put(str(i, "documentId"), document(i)));
        return found;
    }

    private static Document document(Map<String, AttributeValue> i) {
        return new Document(
                str(i, "documentId"),
                str(i, "filename"),
                str(i, "contentType"),
                num(i, "size"),
                str(i, "sha256"),
                str(i, "createdBy"),
                Instant.parse(str(i, "createdAt")),
                Instant.ofEpochSecond(num(i, Retention.ATTRIBUTE)));
    }
}
