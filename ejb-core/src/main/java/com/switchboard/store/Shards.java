package com.switchboard.store;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.core.exception.SdkException;

/**
 * Write sharding of the index partitions that take cluster-wide traffic (due work, the day's
 * communications): an item goes to {@code <partition>#<shard>}, the shard a hash of its id, so no
 * single partition key value takes more than 1/{@code dynamodb.index.shards} of those writes and
 * DynamoDB can spread them over as many partitions. Readers query every shard in parallel and merge.
 * The count may be raised on a live table (readers then also read the new, empty shards) but never
 * lowered: items in the shards above the new count would no longer be read.
 */
@ApplicationScoped
public class Shards {
    public static final int DEFAULT = 16;
    static final int MAX = 256;

    @Inject
    @ConfigProperty(name = "dynamodb.index.shards", defaultValue = "" + DEFAULT)
    int count;

    @Resource
    ManagedExecutorService executor;

    public Shards() {}

    /** For tests outside the container: {@code count} shards read one after another. */
    public Shards(int count) {
        this.count = count;
        check();
    }

    @PostConstruct
    void check() {
        if (count < 1 || count > MAX) {
            throw new IllegalStateException("dynamodb.index.shards must be between 1 and " + MAX + ", not " + count);
        }
    }

    public int count() {
        return count;
    }

    /** The shard of {@code id}: String.hashCode is specified, so every server and release agrees. */
    public int of(String id) {
        return Math.floorMod(id.hashCode(), count);
    }

    /** {@code <partition>#<shard of id>}. */
    public String key(String partition, String id) {
        return key(partition, of(id));
    }

    public static String key(String partition, int shard) {
        return partition + "#" + shard;
    }

    /** Every shard number, 0 to count - 1. */
    public List<Integer> all() {
        List<Integer> all = new ArrayList<>(count);
        for (int s = 0; s < count; s++) {
            all.add(s);
        }
        return all;
    }

    /**
     * {@code read} applied to each of {@code shards} at the same time (the caller's thread reads
     * the first), results in the order of {@code shards}; the first failure is thrown once all ended.
     */
    public <T> List<T> read(List<Integer> shards, IntFunction<T> read) {
        List<Future<T>> running = new ArrayList<>(shards.size());
        for (int i = 1; i < shards.size() && executor != null; i++) {
            int shard = shards.get(i);
            running.add(executor.submit(() -> read.apply(shard)));
        }
        List<T> results = new ArrayList<>(shards.size());
        RuntimeException failed = null;
        for (int i = 0; i < shards.size(); i++) {
            try {
                results.add(
                        i == 0 || executor == null
                                ? read.apply(shards.get(i))
                                : running.get(i - 1).get());
            } catch (RuntimeException e) {
                failed = failed == null ? e : failed;
            } catch (ExecutionException e) {
                failed = failed == null ? unwrap(e) : failed;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                failed = failed == null
                        ? new IllegalStateException("interrupted while reading index shards", e)
                        : failed;
            }
        }
        if (failed != null) {
            throw failed;
        }
        return results;
    }

    private static RuntimeException unwrap(ExecutionException e) {
        return e.getCause() instanceof RuntimeException r
                ? r
                : SdkException.builder()
                        .message("reading an index shard failed: " + e.getCause())
                        .cause(e.getCause())
                        .build();
    }
}
