package com.switchboard.preference;

import java.util.List;

/** One saved change of a stakeholder's preferences: who saved it, when, and what changed. */
public record PreferenceChange(String stakeholderId, String at, String by, List<String> changes) {}
