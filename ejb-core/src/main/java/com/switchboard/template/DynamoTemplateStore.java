package com.switchboard.template;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.list;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;

import com.switchboard.store.BatchWriter;
import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Templates as {@code TEMPLATE#<name> / LOCALE#<locale>#V#<nnnnnn>} items: versions are never
 * rewritten, and zero-padding keeps the newest version last in sort-key order. Each save also
 * writes the template's line of the list, {@code TEMPLATES / NAME#<name>}, so listing templates is
 * one Query of one partition rather than a Scan.
 */
@ApplicationScoped
public class DynamoTemplateStore {
    static final String LIST_PK = "TEMPLATES";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchWriter batch;

    public Optional<Template> latest(String name, String locale) {
        var result = dynamo.query(QueryRequest.builder()
                .tableName(table.name())
                .keyConditionExpression("PK = :pk AND begins_with(SK, :prefix)")
                .expressionAttributeValues(Map.of(":pk", s(pk(name)), ":prefix", s("LOCALE#" + locale + "#V#")))
                .scanIndexForward(false)
                .limit(1)
                .build());
        return result.items().stream().findFirst().map(DynamoTemplateStore::toTemplate);
    }

    public Optional<Template> version(String name, String locale, int version) {
        var item = dynamo.getItem(b -> b.tableName(table.name())
                .key(key(pk(name), sk(locale, version)))
                .consistentRead(true));
        return item.hasItem() && !item.item().isEmpty() ? Optional.of(toTemplate(item.item())) : Optional.empty();
    }

    public List<Template> versions(String name) {
        return dynamo
                .queryPaginator(QueryRequest.builder()
                        .tableName(table.name())
                        .keyConditionExpression("PK = :pk")
                        .expressionAttributeValues(Map.of(":pk", s(pk(name))))
                        .build())
                .items()
                .stream()
                .map(DynamoTemplateStore::toTemplate)
                .toList();
    }

    /** Writes a new version; false when that version number was taken by a concurrent writer. */
    public boolean insert(Template t) {
        Map<String, AttributeValue> item = key(pk(t.name()), sk(t.locale(), t.version()));
        item.put("type", s("Template"));
        item.put("name", s(t.name()));
        item.put("locale", s(t.locale()));
        item.put("version", n(t.version()));
        putIfPresent(item, "channel", t.channel());
        putIfPresent(item, "subject", t.subject());
        item.put("body", s(t.body()));
        putIfPresent(item, "html", t.html());
        putIfPresent(item, "whatsappTemplate", t.whatsappTemplate());
        putIfPresent(item, "whatsappLanguage", t.whatsappLanguage());
        if (t.whatsappParameters() != null && !t.whatsappParameters().isEmpty()) {
            item.put("whatsappParameters", list(t.whatsappParameters()));
        }
        item.put("updatedAt", s(t.updatedAt()));
        item.put("updatedBy", s(t.updatedBy()));
        try {
            dynamo.putItem(b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
        } catch (ConditionalCheckFailedException taken) {
            return false;
        }
        putSummary(t);
        return true;
    }

    /** Every template's line, by name. */
    public List<TemplateSummary> summaries() {
        return dynamo
                .queryPaginator(QueryRequest.builder()
                        .tableName(table.name())
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :name)")
                        .expressionAttributeValues(Map.of(":pk", s(LIST_PK), ":name", s("NAME#")))
                        .build())
                .items()
                .stream()
                .map(i -> new TemplateSummary(
                        str(i, "name"),
                        (int) num(i, "latestVersion"),
                        str(i, "locale"),
                        str(i, "channel"),
                        str(i, "updatedAt"),
                        str(i, "updatedBy")))
                .toList();
    }

    /** The list line follows the most recent save; an older save finishing last leaves it alone. */
    private void putSummary(Template t) {
        Map<String, AttributeValue> line = key(LIST_PK, "NAME#" + t.name());
        line.put("type", s("TemplateSummary"));
        line.put("name", s(t.name()));
        line.put("latestVersion", n(t.version()));
        line.put("locale", s(t.locale()));
        putIfPresent(line, "channel", t.channel());
        line.put("updatedAt", s(t.updatedAt()));
        line.put("updatedBy", s(t.updatedBy()));
        try {
            dynamo.putItem(b -> b.tableName(table.name())
                    .item(line)
                    .conditionExpression("attribute_not_exists(PK) OR updatedAt <= :at")
                    .expressionAttributeValues(Map.of(":at", s(t.updatedAt()))));
        } catch (ConditionalCheckFailedException newer) {
            // a later save already wrote the line
        }
    }

    /** Removes every version of every locale; returns how many items went. */
    public int deleteAll(String name) {
        List<Map<String, AttributeValue>> keys = versions(name).stream()
                .map(t -> key(pk(name), sk(t.locale(), t.version())))
                .toList();
        batch.deleteAll(keys);
        dynamo.deleteItem(b -> b.tableName(table.name()).key(key(LIST_PK, "NAME#" + name)));
        return keys.size();
    }

    private static String pk(String name) {
        return "TEMPLATE#" + name;
    }

    private static String sk(String locale, int version) {
        return "LOCALE#" + locale + "#V#" + String.format("%06d", version);
    }

    private static Template toTemplate(Map<String, AttributeValue> item) {
        return new Template(
                str(item, "name"),
                str(item, "locale"),
                (int) num(item, "version"),
                str(item, "channel"),
                str(item, "subject"),
                str(item, "body"),
                str(item, "html"),
                str(item, "whatsappTemplate"),
                str(item, "whatsappLanguage"),
                strings(item, "whatsappParameters"),
                str(item, "updatedAt"),
                str(item, "updatedBy"));
    }
}
