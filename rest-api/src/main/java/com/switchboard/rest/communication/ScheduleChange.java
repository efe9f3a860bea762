package com.switchboard.rest.communication;

/** The body of {@code PUT /communications/{id}/schedule}: the new ISO-8601 instant to send at. */
public record ScheduleChange(String scheduledAt) {}
