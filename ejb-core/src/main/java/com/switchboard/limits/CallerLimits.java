package com.switchboard.limits;

import com.switchboard.error.TooManyRequestsException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Per-caller budgets (a user, or {@code api-key.<client>}): requests per minute and recipients
 * per minute, as token buckets refilled continuously, so a leaked key or a looping legacy job is
 * slowed to its budget instead of sending without end. Defaults {@code limits.requests.per.minute}
 * and {@code limits.recipients.per.minute}; a caller's own budget is the same key with
 * {@code .<caller>} appended. Per server: N servers allow N budgets, which the operator sizes for.
 */
@ApplicationScoped
public class CallerLimits {
    private static final int MAX_CALLERS = 100_000;

    @Inject
    @ConfigProperty(name = "limits.requests.per.minute", defaultValue = "600")
    long requestsPerMinute;

    @Inject
    @ConfigProperty(name = "limits.recipients.per.minute", defaultValue = "20000")
    long recipientsPerMinute;

    @Inject
    Config config;

    private final Map<String, Bucket> requests = new ConcurrentHashMap<>();
    private final Map<String, Bucket> recipients = new ConcurrentHashMap<>();

    /** The default budgets (a caller's own may differ), as the Channels page shows them. */
    public long requestsPerMinute() {
        return requestsPerMinute;
    }

    public long recipientsPerMinute() {
        return recipientsPerMinute;
    }

    /** Takes one request from {@code caller}'s budget, or throws 429 with the seconds until one is back. */
    public void request(String caller) {
        take(requests, "requests", caller, 1, requestsPerMinute);
    }

    /** Takes {@code n} recipients from {@code caller}'s budget (all or none). */
    public void recipients(String caller, int n) {
        take(recipients, "recipients", caller, n, recipientsPerMinute);
    }

    private void take(Map<String, Bucket> buckets, String limit, String caller, int n, long defaultPerMinute) {
        if (caller == null) {
            return; // the server's own sends (digests, escalations) have no caller to budget
        }
        if (buckets.size() > MAX_CALLERS) {
            buckets.clear(); // callers are authenticated, so this is a safety net, not a path
        }
        Bucket bucket = buckets.computeIfAbsent(
                caller,
                c -> new Bucket(config.getOptionalValue("limits." + limit + ".per.minute." + c, Long.class)
                        .orElse(defaultPerMinute)));
        long wait = bucket.take(n, System.nanoTime());
        if (wait > 0) {
            throw new TooManyRequestsException(
                    limit,
                    n > bucket.perMinute
                            ? n + " " + limit + " in one request exceed the budget of " + bucket.perMinute
                                    + " per minute"
                            : "over the budget of " + bucket.perMinute + " " + limit + " per minute; try again in "
                                    + wait + " s",
                    wait);
        }
    }

    /** A token bucket holding at most a minute's budget, refilled at the budget's rate. */
    static final class Bucket {
        final long perMinute;
        private double tokens;
        private long updated;

        Bucket(long perMinute) {
            this.perMinute = perMinute;
            this.tokens = perMinute;
            this.updated = System.nanoTime();
        }

        /** 0 when {@code n} were taken; otherwise the whole seconds until they could be (nothing taken). */
        synchronized long take(int n, long nowNanos) {
            double perNano = perMinute / 60e9;
            tokens = Math.min(perMinute, tokens + (nowNanos - updated) * perNano);
            updated = nowNanos;
            if (tokens >= n) {
                tokens -= n;
                return 0;
            }
            if (n > perMinute) {
                return 60;
            }
            return Math.max(1, (long) Math.ceil((n - tokens) / perNano / 1e9));
        }
    }
}
