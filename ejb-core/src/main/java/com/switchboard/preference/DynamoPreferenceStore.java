package com.switchboard.preference;

import static com.switchboard.store.Items.bool;
import static com.switchboard.store.Items.flag;
import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.list;
import static com.switchboard.store.Items.putIfPresent;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;
import static com.switchboard.store.Items.strings;

import com.switchboard.store.Table;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Preferences as one {@code PREFERENCES#<id> / CHANNELS} item; DynamoDB maps have no order, so
 * the stakeholder's channel order is kept beside them as a list.
 */
@ApplicationScoped
public class DynamoPreferenceStore {

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Table table;

    public Optional<Preferences> find(String stakeholderId) {
        var result = dynamo.getItem(b -> b.tableName(table.name()).key(key(pk(stakeholderId), "CHANNELS")));
        return result.hasItem() && !result.item().isEmpty() ? Optional.of(toPreferences(result.item())) : Optional.empty();
    }

    public void save(Preferences p) {
        Map<String, AttributeValue> item = key(pk(p.stakeholderId()), "CHANNELS");
        item.put("type", s("Preferences"));
        item.put("stakeholderId", s(p.stakeholderId()));
        item.put("stakeholderType", s(p.stakeholderType()));
        putIfPresent(item, "timezone", p.timezone());
        putIfPresent(item, "digestTime", p.digestTime());
        putIfPresent(item, "digestDay", p.digestDay());
        if (p.quietHours() != null) {
            item.put("quietStart", s(p.quietHours().start()));
            item.put("quietEnd", s(p.quietHours().end()));
        }
        item.put("updatedAt", s(p.updatedAt()));
        Map<String, AttributeValue> channels = new HashMap<>();
        p.channels().forEach((name, c) -> channels.put(name, AttributeValue.fromM(channel(c))));
        item.put("channels", AttributeValue.fromM(channels));
        item.put("channelOrder", list(p.channels().keySet().stream().toList()));
        dynamo.putItem(b -> b.tableName(table.name()).item(item));
    }

    private static Map<String, AttributeValue> channel(ChannelPreference c) {
        Map<String, AttributeValue> m = new HashMap<>();
        m.put("enabled", bool(c.isEnabled()));
        putIfPresent(m, "address", c.address());
        putIfPresent(m, "number", c.number());
        putIfPresent(m, "frequency", c.frequency());
        return m;
    }

    private static Preferences toPreferences(Map<String, AttributeValue> item) {
        Map<String, AttributeValue> stored = item.get("channels").m();
        LinkedHashMap<String, ChannelPreference> channels = new LinkedHashMap<>();
        for (String name : strings(item, "channelOrder")) {
            Map<String, AttributeValue> c = stored.get(name).m();
            channels.put(name, new ChannelPreference(flag(c, "enabled"), str(c, "address"), str(c, "number"),
                    str(c, "frequency")));
        }
        return new Preferences(str(item, "stakeholderId"), str(item, "stakeholderType"), str(item, "timezone"),
                channels, str(item, "updatedAt"), str(item, "digestTime"), str(item, "digestDay"),
                item.containsKey("quietStart") ? new QuietHours(str(item, "quietStart"), str(item, "quietEnd")) : null);
    }

    private static String pk(String stakeholderId) {
        return "PREFERENCES#" + stakeholderId;
    }
}
