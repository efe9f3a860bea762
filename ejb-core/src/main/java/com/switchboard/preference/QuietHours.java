package com.switchboard.preference;

/**
 * The local times ({@code HH:mm}, in the stakeholder's time zone) between which only critical and
 * high-urgency messages may reach them; {@code end} not after {@code start} wraps midnight.
 */
public record QuietHours(String start, String end) {}
