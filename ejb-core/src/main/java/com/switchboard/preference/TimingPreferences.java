package com.switchboard.preference;

import com.switchboard.error.FieldError;
import java.time.DayOfWeek;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.List;

/**
 * Checks and completes the timing part of preferences: {@code digestTime} and the quiet hours'
 * {@code start}/{@code end} are local {@code HH:mm}, {@code digestDay} a day of the week in capitals.
 * Unset, digests go out at 08:00 and weekly ones on Monday.
 */
final class TimingPreferences {
    static final String DEFAULT_DIGEST_TIME = "08:00";
    static final String DEFAULT_DIGEST_DAY = DayOfWeek.MONDAY.name();
    private static final DateTimeFormatter HH_MM = DateTimeFormatter.ofPattern("HH:mm");

    private TimingPreferences() {}

    static void validate(Preferences p, List<FieldError> errors) {
        checkTime(p.digestTime(), "digestTime", errors);
        if (p.digestDay() != null
                && Arrays.stream(DayOfWeek.values()).noneMatch(d -> d.name().equals(p.digestDay()))) {
            errors.add(new FieldError(
                    "digestDay", "one of MONDAY, TUESDAY, WEDNESDAY, THURSDAY, FRIDAY, SATURDAY, SUNDAY"));
        }
        if (p.quietHours() != null) {
            if (p.quietHours().start() == null) {
                errors.add(new FieldError("quietHours.start", "a local time HH:mm is required"));
            }
            if (p.quietHours().end() == null) {
                errors.add(new FieldError("quietHours.end", "a local time HH:mm is required"));
            }
            checkTime(p.quietHours().start(), "quietHours.start", errors);
            checkTime(p.quietHours().end(), "quietHours.end", errors);
        }
    }

    static String digestTime(Preferences p) {
        return p.digestTime() == null ? DEFAULT_DIGEST_TIME : p.digestTime();
    }

    static String digestDay(Preferences p) {
        return p.digestDay() == null ? DEFAULT_DIGEST_DAY : p.digestDay();
    }

    private static void checkTime(String value, String field, List<FieldError> errors) {
        if (value == null) {
            return;
        }
        try {
            LocalTime.parse(value, HH_MM);
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "not a local time HH:mm such as 08:00, was '" + value + "'"));
        }
    }
}
