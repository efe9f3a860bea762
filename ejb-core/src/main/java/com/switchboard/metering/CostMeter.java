package com.switchboard.metering;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * What the pipeline asks of the services it pays for, as MicroProfile counters (application scope,
 * {@code /metrics?scope=application}): DynamoDB requests by API and by calling method, the items
 * they read or write, writes to items that carry index keys, and JMS messages sent and received by
 * destination and local transactions committed. These are counts, which a busy machine cannot move:
 * divided by the recipients of a run they say what one recipient costs (see the benchmark).
 * Counters are cached by key, so counting costs a map lookup and an add.
 */
@ApplicationScoped
public class CostMeter {
    static final String DYNAMODB_REQUESTS = "switchboard.dynamodb.requests";
    static final String DYNAMODB_ITEMS = "switchboard.dynamodb.items";
    static final String DYNAMODB_INDEXED_WRITES = "switchboard.dynamodb.indexed.writes";
    static final String JMS_MESSAGES = "switchboard.jms.messages";
    static final String JMS_COMMITS = "switchboard.jms.commits";

    private final Map<String, Counter> counters = new ConcurrentHashMap<>();

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** One DynamoDB request of {@code api} made from {@code caller} (a class and method, or "other"). */
    void dynamoRequest(String api, String caller, long items, long indexedWrites) {
        counter(DYNAMODB_REQUESTS, "api", api, "caller", caller).inc();
        if (items > 0) {
            counter(DYNAMODB_ITEMS, "api", api, null, null).inc(items);
        }
        if (indexedWrites > 0) {
            counter(DYNAMODB_INDEXED_WRITES, "api", api, null, null).inc(indexedWrites);
        }
    }

    /** Items a read returned (Query, Scan), known only once it answered. */
    void dynamoItemsRead(String api, long items) {
        if (items > 0) {
            counter(DYNAMODB_ITEMS, "api", api, null, null).inc(items);
        }
    }

    /** {@code count} messages put on {@code destination} (a queue or topic name). */
    public void jmsSent(String destination, int count) {
        counter(JMS_MESSAGES, "destination", destination, "direction", "sent").inc(count);
    }

    /** One message taken from {@code destination} by a consumer (each in its own container transaction). */
    public void jmsReceived(String destination) {
        counter(JMS_MESSAGES, "destination", destination, "direction", "received")
                .inc();
    }

    /** A local JMS transaction committed by the application itself. */
    public void jmsCommitted() {
        counter(JMS_COMMITS, null, null, null, null).inc();
    }

    private Counter counter(String name, String tag1, String value1, String tag2, String value2) {
        String key = name + '|' + value1 + '|' + value2;
        Counter c = counters.get(key);
        if (c == null) {
            c = counters.computeIfAbsent(
                    key,
                    k -> tag1 == null
                            ? registry.counter(name)
                            : tag2 == null
                                    ? registry.counter(name, new Tag(tag1, value1))
                                    : registry.counter(name, new Tag(tag1, value1), new Tag(tag2, value2)));
        }
        return c;
    }
}
