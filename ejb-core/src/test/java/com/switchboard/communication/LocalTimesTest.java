package com.switchboard.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class LocalTimesTest {
    private static final ZoneId NEW_YORK = ZoneId.of("America/New_York");
    private static final ZoneId KOLKATA = ZoneId.of("Asia/Kolkata");
    private static final ZoneId LONDON = ZoneId.of("Europe/London");
    private static final LocalTime EIGHT = LocalTime.of(8, 0);

    @Test
    void dailyDigestOnTheSpringForwardDayIsAtEightEasternDaylightTime() {
        // Saturday 15:00 EST; Sunday 2026-03-08 08:00 is already EDT (UTC-4)
        assertEquals(
                Instant.parse("2026-03-08T12:00:00Z"),
                LocalTimes.nextDaily(Instant.parse("2026-03-07T20:00:00Z"), EIGHT, NEW_YORK),
                "08:00 EDT the morning the clocks went forward");
    }

    @Test
    void dailyDigestOnTheFallBackDayIsAtEightEasternStandardTime() {
        assertEquals(
                Instant.parse("2026-11-01T13:00:00Z"),
                LocalTimes.nextDaily(Instant.parse("2026-10-31T20:00:00Z"), EIGHT, NEW_YORK),
                "08:00 EST the morning the clocks went back");
    }

    @Test
    void aDigestTimeInTheSpringForwardGapMovesToTheFirstValidInstant() {
        assertEquals(
                Instant.parse("2026-03-08T07:00:00Z"),
                LocalTimes.nextDaily(Instant.parse("2026-03-07T20:00:00Z"), LocalTime.of(2, 30), NEW_YORK),
                "02:30 does not exist on 2026-03-08 in New York: 03:00 EDT, when the clocks jumped");
    }

    @Test
    void aDigestTimeInTheFallBackOverlapTakesTheEarlierOffset() {
        assertEquals(
                Instant.parse("2026-11-01T05:30:00Z"),
                LocalTimes.nextDaily(Instant.parse("2026-10-31T20:00:00Z"), LocalTime.of(1, 30), NEW_YORK),
                "01:30 happens twice on 2026-11-01: the first (EDT, UTC-4)");
        assertEquals(
                Instant.parse("2026-11-02T06:30:00Z"),
                LocalTimes.nextDaily(Instant.parse("2026-11-01T05:30:00Z"), LocalTime.of(1, 30), NEW_YORK),
                "after the first 01:30 the next digest is the next day's, not the repeated hour");
    }

    @Test
    void kolkataHasNoDaylightSavingAndAHalfHourOffset() {
        assertEquals(
                Instant.parse("2026-11-02T02:30:00Z"),
                LocalTimes.nextDaily(Instant.parse("2026-11-02T00:00:00Z"), EIGHT, KOLKATA),
                "08:00 IST is 02:30 UTC");
        assertEquals(
                Instant.parse("2026-03-09T02:30:00Z"),
                LocalTimes.nextDaily(Instant.parse("2026-03-08T02:30:00Z"), EIGHT, KOLKATA),
                "exactly at digest time the next one is tomorrow's");
    }

    @Test
    void londonDailyDigestAcrossItsClockChange() {
        assertEquals(
                Instant.parse("2026-03-29T07:00:00Z"),
                LocalTimes.nextDaily(Instant.parse("2026-03-28T12:00:00Z"), EIGHT, LONDON),
                "08:00 BST on the day British Summer Time starts");
        assertEquals(
                Instant.parse("2026-03-29T01:00:00Z"),
                LocalTimes.nextDaily(Instant.parse("2026-03-28T12:00:00Z"), LocalTime.of(1, 30), LONDON),
                "01:30 is skipped in London on 2026-03-29: 02:00 BST");
    }

    @Test
    void weeklyDigestGoesOnTheNextDigestDay() {
        assertEquals(
                Instant.parse("2026-11-30T08:00:00Z"),
                LocalTimes.nextWeekly(Instant.parse("2026-11-25T10:00:00Z"), DayOfWeek.MONDAY, EIGHT, LONDON),
                "from a Wednesday to the next Monday 08:00 GMT");
        assertEquals(
                Instant.parse("2026-11-30T08:00:00Z"),
                LocalTimes.nextWeekly(Instant.parse("2026-11-30T07:59:00Z"), DayOfWeek.MONDAY, EIGHT, LONDON),
                "on a Monday before 08:00: the same day");
        assertEquals(
                Instant.parse("2026-12-07T08:00:00Z"),
                LocalTimes.nextWeekly(Instant.parse("2026-11-30T08:00:00Z"), DayOfWeek.MONDAY, EIGHT, LONDON),
                "on a Monday at 08:00: a week later");
        assertEquals(
                Instant.parse("2026-03-09T12:00:00Z"),
                LocalTimes.nextWeekly(Instant.parse("2026-03-04T12:00:00Z"), DayOfWeek.MONDAY, EIGHT, NEW_YORK),
                "a week spanning the spring-forward Sunday keeps 08:00 local (EDT)");
    }

    @Test
    void quietHoursThatWrapMidnightEndTheNextMorning() {
        LocalTime start = LocalTime.of(22, 0);
        LocalTime end = LocalTime.of(7, 0);
        assertEquals(
                Optional.of(Instant.parse("2026-11-26T07:00:00Z")),
                LocalTimes.quietUntil(Instant.parse("2026-11-25T23:00:00Z"), start, end, LONDON),
                "23:00 is quiet until 07:00");
        assertEquals(
                Optional.of(Instant.parse("2026-11-26T07:00:00Z")),
                LocalTimes.quietUntil(Instant.parse("2026-11-26T03:00:00Z"), start, end, LONDON),
                "03:00 is quiet until 07:00");
        assertEquals(
                Optional.of(Instant.parse("2026-11-26T07:00:00Z")),
                LocalTimes.quietUntil(Instant.parse("2026-11-25T22:00:00Z"), start, end, LONDON),
                "the start is quiet");
        assertEquals(
                Optional.empty(),
                LocalTimes.quietUntil(Instant.parse("2026-11-26T07:00:00Z"), start, end, LONDON),
                "the end is not quiet");
        assertEquals(
                Optional.empty(),
                LocalTimes.quietUntil(Instant.parse("2026-11-26T12:00:00Z"), start, end, LONDON),
                "midday is not quiet");
    }

    @Test
    void quietHoursWithinOneDay() {
        LocalTime start = LocalTime.of(13, 0);
        LocalTime end = LocalTime.of(14, 0);
        assertEquals(
                Optional.of(Instant.parse("2026-11-02T08:30:00Z")),
                LocalTimes.quietUntil(Instant.parse("2026-11-02T08:00:00Z"), start, end, KOLKATA),
                "13:30 IST until 14:00 IST");
        assertEquals(
                Optional.empty(),
                LocalTimes.quietUntil(Instant.parse("2026-11-02T09:00:00Z"), start, end, KOLKATA),
                "14:30 IST is after them");
        assertEquals(
                Optional.empty(),
                LocalTimes.quietUntil(Instant.parse("2026-11-02T08:00:00Z"), start, start, KOLKATA),
                "equal start and end mean no quiet hours");
    }

    @Test
    void quietHoursAcrossDaylightSavingChanges() {
        LocalTime start = LocalTime.of(22, 0);
        LocalTime end = LocalTime.of(7, 0);
        assertEquals(
                Optional.of(Instant.parse("2026-03-08T11:00:00Z")),
                LocalTimes.quietUntil(Instant.parse("2026-03-08T04:30:00Z"), start, end, NEW_YORK),
                "23:30 EST on 2026-03-07 is quiet until 07:00 EDT: a night one hour shorter");
        assertEquals(
                Optional.of(Instant.parse("2026-11-01T12:00:00Z")),
                LocalTimes.quietUntil(Instant.parse("2026-11-01T03:00:00Z"), start, end, NEW_YORK),
                "23:00 EDT on 2026-10-31 is quiet until 07:00 EST: a night one hour longer");
        assertEquals(
                Optional.of(Instant.parse("2026-03-08T07:00:00Z")),
                LocalTimes.quietUntil(
                        Instant.parse("2026-03-08T06:00:00Z"), LocalTime.of(1, 0), LocalTime.of(2, 30), NEW_YORK),
                "an end inside the spring-forward gap is the first instant after it (03:00 EDT)");
    }
}
