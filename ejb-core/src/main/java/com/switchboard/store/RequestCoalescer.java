package com.switchboard.store;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Group commit for DynamoDB requests made by many threads at once (webhook requests, consumers):
 * a caller hands in its input and blocks until a batch containing it has been done, so it only
 * answers once its write is made (or its read is back) exactly as with its own request. No timer
 * and, unless a linger is asked for, no added wait: the first caller finding nothing in flight runs a batch of everything queued
 * (up to {@code maxBatch}); whoever arrives meanwhile waits for the next batch, which the first of
 * them runs. Under load the batches grow by themselves, alone a caller runs its own batch at once.
 * A failed batch fails every caller in it with the same exception.
 *
 * @param <T> one caller's input
 * @param <R> one caller's result ({@code Void} for writes)
 */
public final class RequestCoalescer<T, R> {
    private final int maxBatch;
    private final long lingerNanos;
    private final Function<List<T>, List<R>> work;
    private final ArrayDeque<Waiting<T, R>> queue = new ArrayDeque<>();
    private boolean running;

    /**
     * @param maxBatch the most inputs one batch takes (the API's limit: 100 keys per BatchGetItem,
     *        25 requests per BatchWriteItem)
     * @param work does one batch; returns one result per input, in the inputs' order
     */
    public RequestCoalescer(int maxBatch, Function<List<T>, List<R>> work) {
        this(maxBatch, 0, work);
    }

    /**
     * As {@link #RequestCoalescer(int, Function)}, but the caller that runs a batch first waits up to
     * {@code lingerMillis} for more inputs: fewer, larger requests for a little latency, where the
     * callers can spare it (provider receipts).
     */
    public RequestCoalescer(int maxBatch, long lingerMillis, Function<List<T>, List<R>> work) {
        this.maxBatch = maxBatch;
        this.lingerNanos = TimeUnit.MILLISECONDS.toNanos(lingerMillis);
        this.work = work;
    }

    private static final class Waiting<T, R> {
        final T input;
        R result;
        RuntimeException failure;
        boolean done;

        Waiting(T input) {
            this.input = input;
        }
    }

    /** Does {@code input} in the next batch and returns its result, or throws what failed the batch. */
    public R submit(T input) {
        Waiting<T, R> me = new Waiting<>(input);
        boolean interrupted = false;
        try {
            synchronized (this) {
                queue.add(me);
            }
            while (true) {
                List<Waiting<T, R>> batch;
                synchronized (this) {
                    while (!me.done && running) {
                        try {
                            wait();
                        } catch (InterruptedException e) {
                            interrupted = true; // our input may already be in a running batch: wait for its outcome
                        }
                    }
                    if (me.done) {
                        if (me.failure != null) {
                            throw me.failure;
                        }
                        return me.result;
                    }
                    running = true;
                    long deadline = System.nanoTime() + lingerNanos;
                    for (long left = lingerNanos;
                            left > 0 && queue.size() < maxBatch;
                            left = deadline - System.nanoTime()) {
                        try {
                            TimeUnit.NANOSECONDS.timedWait(this, left); // others queue meanwhile: running is set
                        } catch (InterruptedException e) {
                            interrupted = true;
                            break;
                        }
                    }
                    batch = new ArrayList<>(Math.min(maxBatch, queue.size()));
                    while (batch.size() < maxBatch && !queue.isEmpty()) {
                        batch.add(queue.poll());
                    }
                }
                run(batch);
            }
        } finally {
            if (interrupted) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /**
     * Coalescers side by side, one chosen by a key of the input: inputs with the same key (one
     * item, one communication) share batches, while inputs with different keys may go in parallel
     * batches instead of waiting behind each other.
     */
    public static final class Striped<T, R> {
        private final List<RequestCoalescer<T, R>> stripes;
        private final Function<T, Object> key;

        public Striped(int stripes, Function<T, Object> key, int maxBatch, Function<List<T>, List<R>> work) {
            this(stripes, key, maxBatch, 0, work);
        }

        public Striped(
                int stripes,
                Function<T, Object> key,
                int maxBatch,
                long lingerMillis,
                Function<List<T>, List<R>> work) {
            List<RequestCoalescer<T, R>> all = new ArrayList<>(stripes);
            for (int i = 0; i < stripes; i++) {
                all.add(new RequestCoalescer<>(maxBatch, lingerMillis, work));
            }
            this.stripes = List.copyOf(all);
            this.key = key;
        }

        public R submit(T input) {
            return stripes.get(Math.floorMod(key.apply(input).hashCode(), stripes.size()))
                    .submit(input);
        }
    }

    /** How many inputs wait for a batch (not counting a batch in flight). */
    synchronized int waiting() {
        return queue.size();
    }

    private void run(List<Waiting<T, R>> batch) {
        List<R> results = null;
        RuntimeException failure = null;
        try {
            results = work.apply(batch.stream().map(w -> w.input).toList());
            if (results.size() != batch.size()) {
                throw new IllegalStateException(results.size() + " results for a batch of " + batch.size());
            }
        } catch (RuntimeException e) {
            failure = e;
        } catch (Error e) {
            failure = new IllegalStateException("batch of " + batch.size() + " failed: " + e, e);
        }
        synchronized (this) {
            for (int i = 0; i < batch.size(); i++) {
                Waiting<T, R> w = batch.get(i);
                w.failure = failure;
                w.result = failure == null ? results.get(i) : null;
                w.done = true;
            }
            running = false;
            notifyAll();
        }
    }
}
