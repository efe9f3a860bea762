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

    private final Map<Channel, Outcome> last = new EnumMap<>(Channel.class);

    public synchronized void succeeded(Channel channel) {
        last.put(channel, new Outcome("UP", "last send accepted at " + Instant.now()));
    }

    public synchronized void failed(Channel channel, String reason) {
        last.put(channel, new Outcome("DEGRADED", reason));
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
