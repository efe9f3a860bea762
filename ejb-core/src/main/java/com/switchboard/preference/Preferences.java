package com.switchboard.preference;

import java.util.LinkedHashMap;

/**
 * A stakeholder's channels in their order of preference (the JSON object's order), their type and
 * time zone. Stored as {@code PREFERENCES#<stakeholderId> / CHANNELS}.
 */
public record Preferences(String stakeholderId, String stakeholderType, String timezone,
        LinkedHashMap<String, ChannelPreference> channels, String updatedAt) {
}
