package com.switchboard.channel;

import java.util.Arrays;
import java.util.Optional;

/**
 * The ways Switchboard reaches a person; names are the API's spelling. {@link #Internal} reaches
 * staff through a chat platform's incoming webhook (Slack or Teams), addressed by webhook name.
 */
public enum Channel {
    Email("email"),
    SMS("sms"),
    WhatsApp("whatsapp"),
    InApp("inapp"),
    Internal("internal");

    private final String queue;

    Channel(String queue) {
        this.queue = queue;
    }

    /** The name of this channel's JMS queue in server.xml. */
    public String queue() {
        return queue;
    }

    /**
     * Case-insensitive lookup that ignores hyphens and underscores, so "email" and "EMAIL" name
     * {@link #Email} and the story's "In-App" (or "in_app") names {@link #InApp}.
     */
    public static Optional<Channel> parse(String name) {
        if (name == null) {
            return Optional.empty();
        }
        String plain = name.trim().replace("-", "").replace("_", "");
        return Arrays.stream(values())
                .filter(c -> c.name().equalsIgnoreCase(plain))
                .findFirst();
    }
}
