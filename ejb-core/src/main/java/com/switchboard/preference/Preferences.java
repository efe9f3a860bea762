package com.switchboard.preference;

import java.util.LinkedHashMap;

/**
 * A stakeholder's channels in their order of preference (the JSON object's order), their type and
 * time zone, and when they want to hear: the local {@code digestTime} ({@code HH:mm}) and, for
 * Weekly channels, {@code digestDay} (such as {@code MONDAY}) of their digests, and their
 * {@code quietHours}. Stored as {@code PREFERENCES#<stakeholderId> / CHANNELS}.
 */
public record Preferences(String stakeholderId, String stakeholderType, String timezone,
        LinkedHashMap<String, ChannelPreference> channels, String updatedAt, String digestTime, String digestDay,
        QuietHours quietHours) {
}
