package com.switchboard.metering;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchGetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.KeysAndAttributes;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScanResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Counts each DynamoDB request the client sends (a retry by the SDK is not a new request of ours),
 * by API and by the application method that made it: the first frame of {@code com.switchboard}
 * outside the store plumbing ({@code store}, this package) and container proxies. The walk stops at
 * that frame, a few microseconds a request; {@code dynamodb.meter.callers=false} turns it off.
 * Writes that also write GSI1 or GSI3 are counted apart, because each writes the index too: a put is
 * known by its GSI1PK or GSI3PK, an update or delete by its sort key (the kinds that
 * {@link #INDEXED_SORT_KEYS} and {@link #INDEXED_SORT_KEY_PREFIXES} name, and {@code DETAILS} in
 * GSI3), an update of {@code DETAILS} only when it sets one of {@link #GSI3_PROJECTION}. Given a
 * {@link PartitionHeat}, it also counts where each request lands, per partition key value.
 */
public final class DynamoRequestMeter implements ExecutionInterceptor {
    static final Set<String> INDEXED_SORT_KEYS = Set.of("SCHEDULE", "HEAD", "KEY");
    /** What GSI3 projects besides keys, as {@code Table.GSI3_PROJECTION} says (a test keeps the two equal). */
    static final Set<String> GSI3_PROJECTION = Set.of(
            "communicationId",
            "status",
            "channels",
            "customerId",
            "vehicleId",
            "createdAt",
            "scheduledAt",
            "sentAt",
            "correlationId",
            "createdBy");

    private static final String LISTED_SORT_KEY = "DETAILS";
    static final List<String> INDEXED_SORT_KEY_PREFIXES = List.of("HELD#");
    private static final StackWalker WALKER = StackWalker.getInstance();

    private final CostMeter meter;
    private final boolean callers;
    private final PartitionHeat heat;

    public DynamoRequestMeter(CostMeter meter, boolean callers) {
        this(meter, callers, null);
    }

    /** {@code heat}: null when partition heat is not metered ({@code dynamodb.meter.partitions=false}). */
    public DynamoRequestMeter(CostMeter meter, boolean callers, PartitionHeat heat) {
        this.meter = meter;
        this.callers = callers;
        this.heat = heat;
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        SdkRequest request = context.request();
        String api = attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME);
        meter.dynamoRequest(api, callers ? caller() : "other", items(request), indexedWrites(request));
        if (heat != null) {
            heat.sent(request);
        }
    }

    @Override
    public void afterExecution(Context.AfterExecution context, ExecutionAttributes attributes) {
        if (context.response() instanceof QueryResponse q) {
            meter.dynamoItemsRead("Query", q.count() == null ? 0 : q.count());
        } else if (context.response() instanceof ScanResponse s) {
            meter.dynamoItemsRead("Scan", s.count() == null ? 0 : s.count());
        }
        if (heat != null) {
            heat.succeeded(context.request(), context.response());
        }
    }

    /** Items written or read by key; 0 for a Query or Scan, whose items are counted from the answer. */
    static long items(SdkRequest request) {
        if (request instanceof BatchWriteItemRequest b) {
            return b.requestItems().values().stream()
                    .mapToLong(Collection::size)
                    .sum();
        }
        if (request instanceof BatchGetItemRequest b) {
            return b.requestItems().values().stream()
                    .map(KeysAndAttributes::keys)
                    .mapToLong(Collection::size)
                    .sum();
        }
        String name = request.getClass().getSimpleName();
        return name.startsWith("Query") || name.startsWith("Scan") ? 0 : 1;
    }

    static long indexedWrites(SdkRequest request) {
        if (request instanceof PutItemRequest p) {
            return indexedPut(p.item()) ? 1 : 0;
        }
        if (request instanceof UpdateItemRequest u) {
            return indexed(u.key()) || listed(u.key()) && setsListed(u) ? 1 : 0;
        }
        if (request instanceof DeleteItemRequest d) {
            return indexed(d.key()) || listed(d.key()) ? 1 : 0;
        }
        if (request instanceof BatchWriteItemRequest b) {
            return b.requestItems().values().stream()
                    .flatMap(Collection::stream)
                    .filter(DynamoRequestMeter::indexed)
                    .count();
        }
        return 0;
    }

    private static boolean indexed(WriteRequest w) {
        return w.putRequest() != null
                ? indexedPut(w.putRequest().item())
                : w.deleteRequest() != null
                        && (indexed(w.deleteRequest().key())
                                || listed(w.deleteRequest().key()));
    }

    private static boolean indexedPut(Map<String, AttributeValue> item) {
        return item.containsKey("GSI1PK") || item.containsKey("GSI3PK");
    }

    /** Whether the item of {@code key} is of the kind GSI3 holds (a communication's {@code DETAILS}). */
    static boolean listed(Map<String, AttributeValue> key) {
        AttributeValue sk = key.get("SK");
        return sk != null && LISTED_SORT_KEY.equals(sk.s());
    }

    private static boolean setsListed(UpdateItemRequest u) {
        return PartitionHeat.actions(u.updateExpression(), u.expressionAttributeNames())
                .touches(GSI3_PROJECTION);
    }

    /** Whether the item of {@code key} is of a kind that carries GSI1 keys, told by its sort key. */
    static boolean indexed(Map<String, AttributeValue> key) {
        AttributeValue sk = key.get("SK");
        if (sk == null || sk.s() == null) {
            return false;
        }
        return INDEXED_SORT_KEYS.contains(sk.s())
                || INDEXED_SORT_KEY_PREFIXES.stream().anyMatch(sk.s()::startsWith);
    }

    private static String caller() {
        return WALKER.walk(frames -> frames.filter(f -> application(f.getClassName()))
                .findFirst()
                .map(f -> simpleName(f.getClassName()) + "." + method(f.getMethodName()))
                .orElse("other"));
    }

    private static boolean application(String className) {
        return className.startsWith("com.switchboard.")
                && !className.startsWith("com.switchboard.store.")
                && !className.startsWith("com.switchboard.metering.")
                && !className.contains("$Proxy")
                && !className.contains("$$");
    }

    private static String simpleName(String className) {
        String simple = className.substring(className.lastIndexOf('.') + 1);
        int nested = simple.indexOf('$');
        return nested > 0 ? simple.substring(0, nested) : simple;
    }

    /** {@code lambda$deliver$3} → {@code deliver}. */
    private static String method(String name) {
        if (name.startsWith("lambda$")) {
            int end = name.indexOf('$', 7);
            return end > 7 ? name.substring(7, end) : name;
        }
        return name;
    }
}
