package com.switchboard.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.switchboard.error.InvalidRequestException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class AnalyticsQueryTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-03-10T14:25:00Z"), ZoneOffset.UTC);

    @Test
    void defaultsToTheLastSevenDaysAndReadsThoseKeys() {
        AnalyticsQuery q = AnalyticsQuery.of(null, null, null, null, CLOCK);
        assertEquals("DAY#2026-03-04", q.firstKey(), "seven days including today");
        assertEquals("DAY#2026-03-10", q.lastKey(), "up to today");
    }

    @Test
    void hoursAreKeyedByTheirHour() {
        AnalyticsQuery q = AnalyticsQuery.of("2026-03-10T08:59:00Z", "2026-03-10T14:00:00Z", "sms", "hour", CLOCK);
        assertEquals("HOUR#2026-03-10T08", q.firstKey(), "from rounds down to its hour");
        assertEquals("HOUR#2026-03-10T14", q.lastKey(), "to included");
        assertEquals("SMS", q.channel().orElseThrow().name(), "channel parsed case-insensitively");
    }

    @Test
    void badParametersAreNamed() {
        InvalidRequestException e = assertThrows(
                InvalidRequestException.class,
                () -> AnalyticsQuery.of("yesterday", null, "pigeon", "week", CLOCK),
                "three bad values");
        assertEquals(3, e.errors().size(), "each bad field named: " + e.errors());
        assertThrows(
                InvalidRequestException.class,
                () -> AnalyticsQuery.of("2026-03-10", "2026-03-01", null, null, CLOCK),
                "from after to");
        assertThrows(
                InvalidRequestException.class,
                () -> AnalyticsQuery.of("2026-01-01", "2026-03-10", null, "hour", CLOCK),
                "too many hours");
    }
}
