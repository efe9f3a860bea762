package com.switchboard.channel;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

/**
 * The last outcome seen per channel, so operators see a failing provider (circuit open, outage)
 * on the channels page and API without waiting for the analytics.
 */
@ApplicationScoped
public class ProviderHealth {
    private record Outcome(String state, String detail) {
    }

    public static final String CIRCUIT_OPEN = "CIRCUIT_OPEN";

    private final Map<Channel, Outcome> last = new EnumMap<>(Channel.class);

    public synchronized void succeeded(Channel channel) {
        last.put(channel, new Outcome("UP", "last send accepted at " + Instant.now()));
    }

    public synchronized void failed(Channel channel, String reason) {
        Outcome o = last.get(channel);
        if (o == null || !CIRCUIT_OPEN.equals(o.state())) { // an open circuit stays reported until a send succeeds
            last.put(channel, new Outcome("DEGRADED", reason));
        }
    }

    /** A provider stopped calling its service (e.g. WhatsApp after its access token was rejected). */
    public synchronized void circuitOpened(Channel channel, String reason) {
        last.put(channel, new Outcome(CIRCUIT_OPEN, reason));
    }

    public synchronized String state(Channel channel) {
        Outcome o = last.get(channel);
        return o == null ? "UP" : o.state();
    }

    public synchronized String detail(Channel channel) {
        Outcome o = last.get(channel);
        return o == null ? "no sends yet" : o.detail();
    }
}
