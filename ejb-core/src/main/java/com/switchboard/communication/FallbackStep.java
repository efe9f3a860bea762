package com.switchboard.communication;

import com.switchboard.channel.Channel;

/** One further channel of a fallback chain and the address it reaches the recipient at. */
public record FallbackStep(Channel channel, String address) {

    /** The form kept on a recipient item: {@code <channel> <address>} (channels have no spaces). */
    public String encoded() {
        return channel.name() + " " + address;
    }

    public static FallbackStep decode(String encoded) {
        int space = encoded.indexOf(' ');
        return new FallbackStep(Channel.valueOf(encoded.substring(0, space)), encoded.substring(space + 1));
    }
}
