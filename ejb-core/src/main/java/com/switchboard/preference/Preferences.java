package com.switchboard.preference;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A stakeholder's channels in their order of preference (the JSON object's order), their type and
 * time zone, and when they want to hear: the local {@code digestTime} ({@code HH:mm}) and, for
 * Weekly channels, {@code digestDay} (such as {@code MONDAY}) of their digests, and their
 * {@code quietHours}. Stored as {@code PREFERENCES#<stakeholderId> / CHANNELS}, with who saved
 * them last and when.
 *
 * <p>Two spellings of the channels: {@code channels} keyed {@code Email, SMS, WhatsApp, InApp},
 * and the integration story's {@code preferences} keyed {@code email, sms, whatsapp, inApp}. A
 * request gives either; an answer carries both, so a client of either shape reads its own.
 */
public record Preferences(
        String stakeholderId,
        String stakeholderType,
        String timezone,
        LinkedHashMap<String, ChannelPreference> channels,
        String updatedAt,
        String digestTime,
        String digestDay,
        QuietHours quietHours,
        LinkedHashMap<String, ChannelPreference> preferences,
        String updatedBy,
        String kind) {

    /** {@code kind} is always {@code preferences}: with a page's {@code page}, it tells the two answers of the GET apart. */
    public Preferences {
        kind = "preferences";
    }

    /** The story's key for a channel: {@code email}, {@code sms}, {@code whatsapp}, {@code inApp}. */
    public static String storyKey(String channel) {
        return "InApp".equals(channel) ? "inApp" : channel.toLowerCase(java.util.Locale.ROOT);
    }

    /** The same preferences as an answer: the story's spelling filled in from {@code channels}. */
    public Preferences withBothSpellings() {
        LinkedHashMap<String, ChannelPreference> story = new LinkedHashMap<>();
        if (channels != null) {
            for (Map.Entry<String, ChannelPreference> e : channels.entrySet()) {
                story.put(storyKey(e.getKey()), e.getValue());
            }
        }
        return new Preferences(
                stakeholderId,
                stakeholderType,
                timezone,
                channels,
                updatedAt,
                digestTime,
                digestDay,
                quietHours,
                story,
                updatedBy,
                null);
    }
}
