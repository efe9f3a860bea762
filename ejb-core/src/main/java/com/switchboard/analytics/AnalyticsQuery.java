package com.switchboard.analytics;

import com.switchboard.channel.Channel;
import com.switchboard.error.FieldError;
import com.switchboard.error.InvalidRequestException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A validated analytics request: a UTC range (dates or instants, both ends included, rounded to the
 * granularity), an optional channel and the granularity of the series ({@code day} or {@code hour}).
 * Without a range: the last 7 days by day, the last 24 hours by hour.
 */
public record AnalyticsQuery(Instant from, Instant to, Optional<Channel> channel, Granularity granularity) {
    static final long MAX_DAYS = 366;
    static final long MAX_HOURS = 31 * 24;

    /** The size of one series point; the counters exist at both. */
    public enum Granularity {
        day,
        hour
    }

    /** @throws InvalidRequestException (400) naming every malformed parameter */
    public static AnalyticsQuery of(String from, String to, String channel, String granularity, Clock clock) {
        List<FieldError> errors = new ArrayList<>();
        Granularity g = Granularity.day;
        if (granularity != null && !granularity.isBlank()) {
            try {
                g = Granularity.valueOf(granularity.trim().toLowerCase());
            } catch (IllegalArgumentException e) {
                errors.add(new FieldError("granularity", "one of day, hour"));
            }
        }
        Optional<Channel> c = Optional.empty();
        if (channel != null && !channel.isBlank()) {
            c = Channel.parse(channel);
            if (c.isEmpty()) {
                errors.add(new FieldError("channel", "one of Email, SMS, WhatsApp, InApp"));
            }
        }
        Instant t = instant("to", to, errors);
        Instant f = instant("from", from, errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.INVALID_VALUE, errors);
        }
        ChronoUnit unit = g == Granularity.day ? ChronoUnit.DAYS : ChronoUnit.HOURS;
        Instant end = (t != null ? t : Instant.now(clock)).truncatedTo(unit);
        Instant start = (f != null ? f : end.minus(g == Granularity.day ? 6 : 23, unit)).truncatedTo(unit);
        if (start.isAfter(end)) {
            throw InvalidRequestException.invalid("from", "must not be after to");
        }
        long span = unit.between(start, end) + 1;
        long max = g == Granularity.day ? MAX_DAYS : MAX_HOURS;
        if (span > max) {
            throw InvalidRequestException.invalid(
                    "from", "the range spans at most " + max + " " + g + "s; it has " + span);
        }
        return new AnalyticsQuery(start, end, c, g);
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        String v = value.trim();
        try {
            return v.length() == 10
                    ? LocalDate.parse(v).atStartOfDay(ZoneOffset.UTC).toInstant()
                    : Instant.parse(v);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "not a date (2026-01-31) or an ISO-8601 instant (2026-01-31T09:00:00Z)"));
            return null;
        }
    }

    /** The first sort key of the range. */
    String firstKey() {
        return key(from);
    }

    /** The last sort key of the range (included). */
    String lastKey() {
        return key(to);
    }

    String key(Instant at) {
        String s = at.toString();
        return granularity == Granularity.day ? AnalyticsKeys.day(s) : AnalyticsKeys.hour(s);
    }

    Duration step() {
        return granularity == Granularity.day ? Duration.ofDays(1) : Duration.ofHours(1);
    }
}
