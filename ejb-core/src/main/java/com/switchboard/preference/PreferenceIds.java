package com.switchboard.preference;

import com.switchboard.error.InvalidRequestException;

/** The shape of a stakeholder id, shared by their preferences and their profile. */
final class PreferenceIds {
    private PreferenceIds() {}

    static void require(String stakeholderId) {
        if (stakeholderId == null || !stakeholderId.matches("[A-Za-z0-9._@:-]{1,128}")) {
            throw InvalidRequestException.invalid(
                    "stakeholderId", "a stakeholder id (letters, digits, . _ @ : -) is required");
        }
    }
}
