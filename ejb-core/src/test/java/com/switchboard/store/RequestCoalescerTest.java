package com.switchboard.store;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RequestCoalescerTest {

    @Test
    void concurrentCallersShareBatchesAndEachGetsItsOwnResult() throws Exception {
        ConcurrentLinkedQueue<Integer> batchSizes = new ConcurrentLinkedQueue<>();
        CountDownLatch firstBatchRunning = new CountDownLatch(1);
        CountDownLatch othersQueued = new CountDownLatch(1);
        RequestCoalescer<Integer, String> coalescer = new RequestCoalescer<>(10, inputs -> {
            batchSizes.add(inputs.size());
            firstBatchRunning.countDown();
            awaitLatch(othersQueued); // the first batch stays in flight until everyone else has queued
            return inputs.stream().map(i -> "result " + i).toList();
        });
        ExecutorService pool = Executors.newFixedThreadPool(26);
        try {
            List<Future<String>> results = new ArrayList<>();
            results.add(pool.submit(() -> coalescer.submit(0)));
            firstBatchRunning.await(5, TimeUnit.SECONDS);
            for (int i = 1; i <= 25; i++) {
                int n = i;
                results.add(pool.submit(() -> coalescer.submit(n)));
            }
            await().atMost(Duration.ofSeconds(5))
                    .alias("the 25 wait behind the batch in flight")
                    .until(() -> coalescer.waiting() == 25);
            othersQueued.countDown();
            for (int i = 0; i < results.size(); i++) {
                assertEquals(
                        "result " + i, results.get(i).get(5, TimeUnit.SECONDS), "caller " + i + " gets its own result");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(26, batchSizes.stream().mapToInt(Integer::intValue).sum(), "every input done once: " + batchSizes);
        assertTrue(
                batchSizes.size() <= 4,
                "the 25 that waited went in batches of at most 10, not one by one: " + batchSizes);
        assertTrue(batchSizes.stream().allMatch(s -> s <= 10), "no batch above the limit: " + batchSizes);
    }

    @Test
    void aFailedBatchFailsItsCallerWithTheBatchsExceptionAndTheNextBatchRunsAgain() {
        IllegalStateException outage = new IllegalStateException("DynamoDB unavailable");
        List<List<String>> batches = new ArrayList<>();
        RequestCoalescer<String, Void> coalescer = new RequestCoalescer<>(25, inputs -> {
            batches.add(inputs);
            if (inputs.contains("bad")) {
                throw outage;
            }
            return new ArrayList<>(java.util.Collections.nCopies(inputs.size(), null));
        });
        assertSame(
                outage,
                assertThrows(IllegalStateException.class, () -> coalescer.submit("bad")),
                "the caller sees the batch's own exception (so outage handling still recognises it)");
        coalescer.submit("good");
        assertEquals(
                List.of(List.of("bad"), List.of("good")),
                batches,
                "a lone caller runs its own batch at once, also after a failure");
    }

    @Test
    void withALingerCallersArrivingWithinItShareOneBatchEvenWhenNothingIsInFlight() throws Exception {
        ConcurrentLinkedQueue<Integer> batchSizes = new ConcurrentLinkedQueue<>();
        RequestCoalescer<Integer, Integer> coalescer = new RequestCoalescer<>(25, 2_000, inputs -> {
            batchSizes.add(inputs.size());
            return inputs;
        });
        ExecutorService pool = Executors.newFixedThreadPool(5);
        try {
            List<Future<Integer>> results = new ArrayList<>();
            results.add(pool.submit(() -> coalescer.submit(0)));
            await().atMost(Duration.ofSeconds(1)).until(() -> coalescer.waiting() == 1); // the first lingers
            for (int i = 1; i < 5; i++) {
                int n = i;
                results.add(pool.submit(() -> coalescer.submit(n)));
            }
            for (int i = 0; i < results.size(); i++) {
                assertEquals(i, results.get(i).get(5, TimeUnit.SECONDS), "caller " + i + " gets its own result");
            }
        } finally {
            pool.shutdownNow();
        }
        assertEquals(List.of(5), List.copyOf(batchSizes), "one request for the five callers of the linger");
    }

    private static void awaitLatch(CountDownLatch latch) {
        try {
            latch.await(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
