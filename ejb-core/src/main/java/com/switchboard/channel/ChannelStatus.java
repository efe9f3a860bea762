package com.switchboard.channel;

/**
 * What an operator needs to know about one channel: who provides it, whether it is configured
 * and can send now, its circuit breaker (closed, open, half-open), the most recent error, and its
 * daily spend budget (null when it has none, or when the caller did not ask for it).
 */
public record ChannelStatus(
        Channel channel,
        String provider,
        boolean configured,
        boolean available,
        String state,
        String circuit,
        String recentError,
        String recentErrorAt,
        String detail,
        DailyBudget budget) {

    public ChannelStatus(
            Channel channel,
            String provider,
            boolean configured,
            boolean available,
            String state,
            String circuit,
            String recentError,
            String recentErrorAt,
            String detail) {
        this(channel, provider, configured, available, state, circuit, recentError, recentErrorAt, detail, null);
    }

    ChannelStatus withBudget(DailyBudget b) {
        return new ChannelStatus(
                channel, provider, configured, available, state, circuit, recentError, recentErrorAt, detail, b);
    }
}
