package com.switchboard.preference;

import java.util.List;

/**
 * One stakeholder found by a search: their profile as stored with the search token, and which field
 * ({@code name}, {@code vehicle} or {@code customer}) matched the first search term.
 */
public record StakeholderMatch(
        String stakeholderId, String displayName, List<String> vehicles, String customerNumber, String matchedField) {}
