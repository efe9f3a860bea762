package com.switchboard.channel;

/** What an operator needs to know about one channel: who provides it, and whether it can send now. */
public record ChannelStatus(Channel channel, String provider, boolean configured, boolean available, String state,
        String detail) {
}
