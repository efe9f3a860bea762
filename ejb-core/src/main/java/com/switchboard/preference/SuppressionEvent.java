package com.switchboard.preference;

/** One line of an address's suppression history: when, what ({@code suppressed <kind>} or {@code lifted}), why, by whom. */
public record SuppressionEvent(String at, String action, String reason, String by) {}
