package com.switchboard.scheduling;

import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The scheduler's threads: claims and status writes of many due communications go to DynamoDB
 * {@code scheduler.threads} at a time instead of one after another, and a page claimed ahead of
 * its time is dispatched at that time. Liberty's managed executor (feature {@code concurrent-3.0}),
 * so the work runs with the application's context like the timer that starts it.
 */
@ApplicationScoped
public class ScheduleWorkers {

    @Resource
    ManagedScheduledExecutorService executor;

    @Inject
    @ConfigProperty(name = "scheduler.threads", defaultValue = "8")
    int threads;

    /**
     * Applies {@code call} to every item, {@code scheduler.threads} at a time, and returns the
     * results in the items' order; an item whose call threw has an empty result, its exception is
     * left to {@code call} to report.
     */
    public <T, R> List<Optional<R>> map(List<T> items, Function<T, Optional<R>> call) {
        List<Optional<R>> results = new ArrayList<>(java.util.Collections.nCopies(items.size(), Optional.<R>empty()));
        AtomicInteger next = new AtomicInteger();
        Runnable worker = () -> {
            for (int i = next.getAndIncrement(); i < items.size(); i = next.getAndIncrement()) {
                results.set(i, call.apply(items.get(i)));
            }
        };
        List<Future<?>> running = new ArrayList<>();
        for (int t = 1; t < Math.min(threads, items.size()); t++) {
            running.add(executor.submit(worker));
        }
        worker.run(); // the caller works too: no thread waits idle
        for (Future<?> f : running) {
            await(f);
        }
        return results;
    }

    /** Runs {@code task} after {@code delay} (at once when it is not positive) on a managed thread. */
    public void runAfter(Duration delay, Runnable task) {
        executor.schedule(task, Math.max(0, delay.toMillis()), TimeUnit.MILLISECONDS);
    }

    private static void await(Future<?> f) {
        try {
            f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for scheduler work", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(
                    "scheduler work failed: " + e.getCause().getMessage(), e.getCause());
        }
    }
}
