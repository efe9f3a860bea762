package com.switchboard.preference;

import com.switchboard.channel.Channel;

/** An address that must not be sent to on a channel (opted out, complained, hard-bounced), why, and since when. */
public record Suppression(Channel channel, String address, String reason, String since) {
}
