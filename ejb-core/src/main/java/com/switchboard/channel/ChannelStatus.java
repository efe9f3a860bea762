package com.switchboard.channel;

/**
 * What an operator needs to know about one channel: who provides it, whether it is configured
 * and can send now, its circuit breaker (closed, open, half-open) and the most recent error.
 */
public record ChannelStatus(Channel channel, String provider, boolean configured, boolean available, String state,
        String circuit, String recentError, String recentErrorAt, String detail) {
}
