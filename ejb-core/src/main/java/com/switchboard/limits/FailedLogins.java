package com.switchboard.limits;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Failed sign-ins (wrong password, unknown or revoked API key) per client address: past
 * {@code limits.failed.logins.per.minute} in a minute, the address gets 429 until that minute is
 * over, before any credential is checked, so passwords and keys cannot be guessed at the
 * registry's or DynamoDB's speed. A per-address budget is the same key with {@code .<address>}
 * appended. Per server. Behind a load balancer the address is the forwarded one only where
 * Liberty's {@code remoteIp} is configured.
 */
@ApplicationScoped
public class FailedLogins {
    private static final long MINUTE_MS = 60_000;
    private static final int MAX_ADDRESSES = 100_000;

    @Inject
    @ConfigProperty(name = "limits.failed.logins.per.minute", defaultValue = "10")
    int perMinute;

    @Inject
    Config config;

    private record Window(long startMs, int failures) {}

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** The default number of failed sign-ins an address may make in a minute. */
    public int perMinute() {
        return perMinute;
    }

    /** Seconds until {@code address} may try again, or 0 when it may now. */
    public long retryAfterSeconds(String address) {
        Window w = windows.get(address);
        long now = System.currentTimeMillis();
        if (w == null || now - w.startMs() >= MINUTE_MS || w.failures() < budget(address)) {
            return 0;
        }
        return Math.max(1, (w.startMs() + MINUTE_MS - now + 999) / 1000);
    }

    public void failed(String address) {
        long now = System.currentTimeMillis();
        if (windows.size() > MAX_ADDRESSES) {
            windows.values().removeIf(w -> now - w.startMs() >= MINUTE_MS);
        }
        windows.merge(
                address,
                new Window(now, 1),
                (old, one) -> now - old.startMs() >= MINUTE_MS ? one : new Window(old.startMs(), old.failures() + 1));
    }

    private int budget(String address) {
        return config.getOptionalValue("limits.failed.logins.per.minute." + address, Integer.class)
                .orElse(perMinute);
    }
}
