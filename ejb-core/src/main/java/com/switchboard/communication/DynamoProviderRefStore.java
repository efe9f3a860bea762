package com.switchboard.communication;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;
import static com.switchboard.store.Items.s;
import static com.switchboard.store.Items.str;

import com.switchboard.channel.Channel;
import com.switchboard.store.BatchReader;
import com.switchboard.store.BatchWriter;
import com.switchboard.store.RequestCoalescer;
import com.switchboard.store.Retention;
import com.switchboard.store.Table;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * {@code PROVIDERMSG#<provider message id> / REF}: which recipient a provider's message id belongs
 * to, written when the provider accepted it, so a receipt naming only the provider's id finds its
 * recipient (receipts arriving together are looked up with one BatchGetItem). The pipeline writes a
 * chunk's references with one BatchWriteItem.
 */
@ApplicationScoped
public class DynamoProviderRefStore {

    @Inject
    Table table;

    @Inject
    BatchWriter batch;

    @Inject
    BatchReader reader;

    @Inject
    Retention retention;

    @Inject
    Clock clock;

    /** How long a lookup waits for others, so the receipts arriving together are read with one request. */
    @Inject
    @ConfigProperty(name = "receipts.coalesce.linger.ms", defaultValue = "20")
    long lingerMillis;

    /** 100 keys fill one BatchGetItem; one batch in flight at a time, the lookups meanwhile join the next. */
    private RequestCoalescer<String, Optional<ProviderRef>> lookups;

    @PostConstruct
    void init() {
        lookups = new RequestCoalescer<>(100, lingerMillis, this::findAll);
    }

    /** Which recipient a provider's message id belongs to. */
    public record ProviderRef(Channel channel, String communicationId, int index) {}

    /** Remembers which recipient each provider message id (the map's keys) belongs to, for the receipts to come. */
    public void putAll(Map<String, ProviderRef> refs) {
        AttributeValue expiresAt = retention.communicationExpiry(clock.instant());
        batch.putAll(refs.entrySet().stream()
                .map(e -> item(e.getKey(), e.getValue(), expiresAt))
                .toList());
    }

    /**
     * The recipient a provider's message id was recorded for, if any. Receipts come many at a time:
     * the lookups in flight together are made with one BatchGetItem.
     */
    public Optional<ProviderRef> find(String providerMessageId) {
        return lookups.submit(providerMessageId);
    }

    private List<Optional<ProviderRef>> findAll(List<String> providerMessageIds) {
        Map<String, Map<String, AttributeValue>> found = reader.getAll(
                providerMessageIds.stream().map(id -> key(pk(id), "REF")).toList());
        return providerMessageIds.stream()
                .map(id -> Optional.ofNullable(found.get(pk(id) + " REF"))
                        .map(i -> new ProviderRef(
                                Channel.valueOf(str(i, "channel")), str(i, "communicationId"), (int) num(i, "index"))))
                .toList();
    }

    private static Map<String, AttributeValue> item(
            String providerMessageId, ProviderRef ref, AttributeValue expiresAt) {
        Map<String, AttributeValue> item = key(pk(providerMessageId), "REF");
        item.put("type", s("ProviderRef"));
        item.put("channel", s(ref.channel().name()));
        item.put("communicationId", s(ref.communicationId()));
        item.put("index", n(ref.index()));
        item.put(Retention.ATTRIBUTE, expiresAt);
        return item;
    }

    private static String pk(String providerMessageId) {
        return "PROVIDERMSG#" + providerMessageId;
    }
}
