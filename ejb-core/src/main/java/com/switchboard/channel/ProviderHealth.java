package com.switchboard.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * What the pipeline last saw of each channel's provider: the circuit breaker's state as the
 * provider calls reveal it (a {@code CircuitBreakerOpenException} means open; once the breaker's
 * delay has passed the next call is a half-open trial; a success closes it) and the most recent
 * error, so operators see a failing provider on the channels page and API at once.
 */
@ApplicationScoped
public class ProviderHealth {

    /** The circuit of one provider as observed. */
    public enum Circuit {
        closed,
        open,
        half_open;

        public String label() {
            return this == half_open ? "half-open" : name();
        }
    }

    /** One channel's observed state. */
    public record Observed(Circuit circuit, String recentError, Instant errorAt, Instant lastSuccessAt) {}

    private final Map<Channel, Observed> last = new EnumMap<>(Channel.class);
    private final Map<Channel, Instant> openedAt = new EnumMap<>(Channel.class);

    @Inject
    Clock clock;

    public synchronized void succeeded(Channel channel) {
        Observed o = observed(channel);
        openedAt.remove(channel);
        last.put(channel, new Observed(Circuit.closed, o.recentError(), o.errorAt(), Instant.now(clock)));
    }

    public synchronized void failed(Channel channel, String reason) {
        Observed o = observed(channel);
        last.put(channel, new Observed(o.circuit(), reason, Instant.now(clock), o.lastSuccessAt()));
    }

    public synchronized void circuitOpen(Channel channel, String reason) {
        Observed o = observed(channel);
        openedAt.putIfAbsent(channel, Instant.now(clock));
        last.put(channel, new Observed(Circuit.open, reason, Instant.now(clock), o.lastSuccessAt()));
    }

    /** The observed state; an open circuit older than the breaker's delay is reported half-open. */
    public synchronized Observed state(Channel channel, Duration breakerDelay) {
        Observed o = observed(channel);
        Instant opened = openedAt.get(channel);
        if (o.circuit() == Circuit.open && opened != null && Instant.now(clock).isAfter(opened.plus(breakerDelay))) {
            return new Observed(Circuit.half_open, o.recentError(), o.errorAt(), o.lastSuccessAt());
        }
        return o;
    }

    private Observed observed(Channel channel) {
        return last.getOrDefault(channel, new Observed(Circuit.closed, null, null, null));
    }
}
