package com.switchboard.conversation;

import com.switchboard.channel.Channel;
import com.switchboard.error.NotFoundException;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A thread's id: its channel and number, {@code whatsapp-447700900123}, readable in a URL and
 * derived without a lookup from what a webhook or a delivery knows.
 */
public final class ThreadIds {
    private static final Pattern ID = Pattern.compile("(sms|whatsapp)-([1-9][0-9]{6,14})");

    /** A channel and number of a thread. */
    public record ThreadKey(Channel channel, String number) {}

    private ThreadIds() {}

    /** Whether customers can write back on this channel, so it has conversations. */
    public static boolean conversational(Channel channel) {
        return channel == Channel.SMS || channel == Channel.WhatsApp;
    }

    public static String of(Channel channel, String e164) {
        return channel.name().toLowerCase(Locale.ROOT) + "-" + e164.substring(1);
    }

    /** The channel and number of {@code id}; not found when it is no thread id at all. */
    public static ThreadKey parse(String id) {
        Matcher m = id == null ? null : ID.matcher(id);
        if (m == null || !m.matches()) {
            throw new NotFoundException("conversation", String.valueOf(id));
        }
        return new ThreadKey("sms".equals(m.group(1)) ? Channel.SMS : Channel.WhatsApp, "+" + m.group(2));
    }
}
