package com.switchboard.communication;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.time.zone.ZoneOffsetTransition;
import java.util.Optional;

/**
 * The local-time arithmetic of digests and quiet hours, in a stakeholder's time zone. A local
 * time that falls in a spring-forward gap means the first instant after the gap (the clocks'
 * jump); one that occurs twice in an autumn overlap means the earlier one. Pure, so each DST case
 * is unit-tested.
 */
public final class LocalTimes {

    private LocalTimes() {}

    /** The instant {@code time} on {@code date} names in {@code zone}. */
    public static Instant at(LocalDate date, LocalTime time, ZoneId zone) {
        LocalDateTime local = LocalDateTime.of(date, time);
        ZoneOffsetTransition transition = zone.getRules().getTransition(local);
        if (transition != null && transition.isGap()) {
            return transition.getInstant();
        }
        // ofLocal without a preferred offset takes the earlier one in an overlap
        return ZonedDateTime.ofLocal(local, zone, null).toInstant();
    }

    /** The first daily {@code time} strictly after {@code after}. */
    public static Instant nextDaily(Instant after, LocalTime time, ZoneId zone) {
        LocalDate date = after.atZone(zone).toLocalDate();
        Instant candidate = at(date, time, zone);
        while (!candidate.isAfter(after)) {
            date = date.plusDays(1);
            candidate = at(date, time, zone);
        }
        return candidate;
    }

    /** The first {@code day} at {@code time} strictly after {@code after}. */
    public static Instant nextWeekly(Instant after, DayOfWeek day, LocalTime time, ZoneId zone) {
        LocalDate date = after.atZone(zone).toLocalDate().with(TemporalAdjusters.nextOrSame(day));
        Instant candidate = at(date, time, zone);
        while (!candidate.isAfter(after)) {
            date = date.plusWeeks(1);
            candidate = at(date, time, zone);
        }
        return candidate;
    }

    /**
     * When the quiet hours {@code start}–{@code end} (local, wrapping midnight when end is not after
     * start) that {@code now} falls in end; empty when {@code now} is outside them. The start is
     * inside, the end is not; equal start and end mean no quiet hours.
     */
    public static Optional<Instant> quietUntil(Instant now, LocalTime start, LocalTime end, ZoneId zone) {
        if (start.equals(end)) {
            return Optional.empty();
        }
        ZonedDateTime local = now.atZone(zone);
        LocalTime t = local.toLocalTime();
        LocalDate endDate;
        if (start.isBefore(end)) {
            if (t.isBefore(start) || !t.isBefore(end)) {
                return Optional.empty();
            }
            endDate = local.toLocalDate();
        } else if (!t.isBefore(start)) {
            endDate = local.toLocalDate().plusDays(1);
        } else if (t.isBefore(end)) {
            endDate = local.toLocalDate();
        } else {
            return Optional.empty();
        }
        Instant until = at(endDate, end, zone);
        // in an overlap the end read with the earlier offset may already have passed
        return until.isAfter(now) ? Optional.of(until) : Optional.empty();
    }
}
