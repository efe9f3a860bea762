package com.switchboard.channel.control;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** Messages of each queue this server's consumers are working on right now (taken, not yet committed). */
@ApplicationScoped
public class InFlight {
    private final Map<String, AtomicInteger> byQueue = new ConcurrentHashMap<>();

    public void started(String queue) {
        byQueue.computeIfAbsent(queue, q -> new AtomicInteger()).incrementAndGet();
    }

    public void ended(String queue) {
        byQueue.computeIfAbsent(queue, q -> new AtomicInteger()).decrementAndGet();
    }

    public int of(String queue) {
        AtomicInteger n = byQueue.get(queue);
        return n == null ? 0 : Math.max(0, n.get());
    }
}
