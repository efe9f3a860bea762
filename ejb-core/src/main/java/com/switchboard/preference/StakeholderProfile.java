package com.switchboard.preference;

import java.util.List;

/**
 * Who a stakeholder is, for finding them when composing: a display name, the registration plates of
 * their vehicles and their customer (account) number. Stored beside their channels as
 * {@code PREFERENCES#<stakeholderId> / PROFILE}, so adding it changes nothing of {@link Preferences}.
 */
public record StakeholderProfile(
        String stakeholderId, String displayName, List<String> vehicles, String customerNumber, String updatedAt) {}
