package com.switchboard.conversation;

import com.switchboard.channel.Channel;
import java.time.Instant;

/**
 * A customer's message to one of our numbers as its provider reported it: WhatsApp (text, or media
 * with its Graph media id) or two-way SMS. {@code providerId} is the provider's id of the message
 * (a wamid, the SMS inbound message id), by which a retried notification is recognised.
 */
public record InboundMessage(
        Channel channel, String from, Instant at, String providerId, String text, ThreadMessage.Media media) {}
