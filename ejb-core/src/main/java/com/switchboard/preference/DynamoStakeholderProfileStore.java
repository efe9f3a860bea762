package com.switchboard.preference;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.list;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;

import com.switchboard.preference.SearchTokens.Token;
import com.switchboard.store.BatchWriter;
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
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;

/**
 * Profiles as {@code PREFERENCES#<id> / PROFILE} and their search tokens as
 * {@code STAKEHOLDERSEARCH#<first two characters> / <token>#<field>#<id>} items, each carrying the
 * profile's name, plates, customer number and all its tokens, so a search is one Query with
 * {@code begins_with} and no read per hit. The profile lists its tokens, so a change deletes the
 * ones it no longer has.
 */
@ApplicationScoped
public class DynamoStakeholderProfileStore {
    static final String SORT_KEY = "PROFILE";

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    @Inject
    BatchWriter batch;

    public Optional<StakeholderProfile> find(String stakeholderId) {
        var result = dynamo.getItem(b ->
                b.tableName(table.name()).key(key(pk(stakeholderId), SORT_KEY)).consistentRead(true));
        return result.hasItem() && !result.item().isEmpty() ? Optional.of(toProfile(result.item())) : Optional.empty();
    }

    /**
     * Writes the profile only if it is still as {@code previous} left it (or still absent), then
     * brings its tokens in step.
     *
     * @return false when someone else changed the profile first; nothing was written
     */
    public boolean save(StakeholderProfile profile, Optional<StakeholderProfile> previous) {
        List<Token> tokens = SearchTokens.of(profile);
        Map<String, AttributeValue> item = key(pk(profile.stakeholderId()), SORT_KEY);
        item.put("type", s("StakeholderProfile"));
        item.put("updatedAt", s(profile.updatedAt()));
        item.put(
                "tokens",
                list(tokens.stream().map(t -> t.field() + ":" + t.value()).toList()));
        item.putAll(denormalised(profile));
        try {
            if (previous.isEmpty()) {
                dynamo.putItem(
                        b -> b.tableName(table.name()).item(item).conditionExpression("attribute_not_exists(PK)"));
            } else {
                dynamo.putItem(b -> b.tableName(table.name())
                        .item(item)
                        .conditionExpression("updatedAt = :previous")
                        .expressionAttributeValues(
                                Map.of(":previous", s(previous.get().updatedAt()))));
            }
        } catch (ConditionalCheckFailedException changed) {
            return false;
        }
        List<Token> stale = previous.map(SearchTokens::of).orElse(List.of()).stream()
                .filter(t -> !tokens.contains(t))
                .toList();
        batch.deleteAll(
                stale.stream().map(t -> tokenKey(t, profile.stakeholderId())).toList());
        List<String> all = tokens.stream().map(Token::value).distinct().toList();
        batch.putAll(tokens.stream().map(t -> tokenItem(t, profile, all)).toList());
        return true;
    }

    /** Up to {@code limit} token items whose token starts with {@code term} (normalised, at least two characters). */
    public List<Map<String, AttributeValue>> tokensStartingWith(String term, int limit) {
        List<Map<String, AttributeValue>> items = new ArrayList<>();
        dynamo
                .queryPaginator(QueryRequest.builder()
                        .tableName(table.name())
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :term)")
                        .expressionAttributeValues(Map.of(":pk", s(tokenPk(term)), ":term", s(term)))
                        .limit(limit)
                        .build())
                .items()
                .stream()
                .limit(limit)
                .forEach(items::add);
        return items;
    }

    /** The item's stakeholder as a search result. */
    static StakeholderMatch toMatch(Map<String, AttributeValue> tokenItem) {
        return new StakeholderMatch(
                str(tokenItem, "stakeholderId"),
                str(tokenItem, "displayName"),
                strings(tokenItem, "vehicles"),
                str(tokenItem, "customerNumber"),
                str(tokenItem, "field"));
    }

    /** Every token of the item's stakeholder (to check a search's other terms without another read). */
    static List<String> terms(Map<String, AttributeValue> tokenItem) {
        return strings(tokenItem, "terms");
    }

    private static Map<String, AttributeValue> tokenItem(Token t, StakeholderProfile p, List<String> all) {
        Map<String, AttributeValue> item = tokenKey(t, p.stakeholderId());
        item.put("type", s("StakeholderSearchToken"));
        item.put("field", s(t.field()));
        item.put("terms", list(all));
        item.putAll(denormalised(p));
        return item;
    }

    private static Map<String, AttributeValue> denormalised(StakeholderProfile p) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("stakeholderId", s(p.stakeholderId()));
        m.put("displayName", s(p.displayName()));
        m.put("vehicles", list(p.vehicles()));
        putIfPresent(m, "customerNumber", p.customerNumber());
        return m;
    }

    private static Map<String, AttributeValue> tokenKey(Token t, String stakeholderId) {
        return key(tokenPk(t.value()), t.value() + "#" + t.field() + "#" + stakeholderId);
    }

    private static String tokenPk(String token) {
        return "STAKEHOLDERSEARCH#" + SearchTokens.bucket(token);
    }

    private static StakeholderProfile toProfile(Map<String, AttributeValue> item) {
        return new StakeholderProfile(
                str(item, "stakeholderId"),
                str(item, "displayName"),
                strings(item, "vehicles"),
                str(item, "customerNumber"),
                str(item, "updatedAt"));
    }

    private static String pk(String stakeholderId) {
        return "PREFERENCES#" + stakeholderId;
    }
}
