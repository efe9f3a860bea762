package com.switchboard.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.preference.ChannelPreference;
import com.switchboard.preference.Frequency;
import com.switchboard.preference.Preferences;
import com.switchboard.preference.QuietHours;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeliveryTimingTest {
    private static final ChannelPreference DAILY = new ChannelPreference(true, "a@example.com", null, "Daily");
    private static final ChannelPreference IMMEDIATE = new ChannelPreference(true, "a@example.com", null, "Immediate");

    @Test
    void criticalAndHighUrgencyAreNeverHeld() {
        Preferences p = prefs(new QuietHours("22:00", "07:00"));
        assertEquals(Optional.empty(), DeliveryTiming.of(p, DAILY, Urgency.critical), "critical skips the digest");
        assertEquals(Optional.empty(), DeliveryTiming.of(p, DAILY, Urgency.high), "high skips the digest");
        assertTrue(DeliveryTiming.of(p, DAILY, Urgency.low).isPresent(), "low goes into the digest");
    }

    @Test
    void immediateWithoutQuietHoursGoesAtOnce() {
        assertEquals(
                Optional.empty(), DeliveryTiming.of(prefs(null), IMMEDIATE, Urgency.normal), "nothing to wait for");
    }

    @Test
    void aDailyTimingSurvivesItsEncodingAndNamesTheNextDigest() {
        DeliveryTiming t = DeliveryTiming.decode(
                DeliveryTiming.of(prefs(null), DAILY, Urgency.normal).orElseThrow());
        assertEquals("S-1", t.stakeholderId(), "the stakeholder travels with it");
        assertEquals(Frequency.Daily, t.frequency(), "daily");
        assertTrue(t.digest(), "a digest");
        assertEquals(
                Instant.parse("2026-11-01T13:00:00Z"),
                t.nextDigest(Instant.parse("2026-10-31T20:00:00Z")),
                "08:00 in New York the next morning");
    }

    @Test
    void quietHoursSurviveTheEncoding() {
        DeliveryTiming t = DeliveryTiming.decode(
                DeliveryTiming.of(prefs(new QuietHours("22:00", "07:00")), IMMEDIATE, Urgency.normal)
                        .orElseThrow());
        assertEquals(
                Optional.of(Instant.parse("2026-11-01T12:00:00Z")),
                t.quietUntil(Instant.parse("2026-11-01T03:00:00Z")),
                "quiet until 07:00 EST");
    }

    private static Preferences prefs(QuietHours quiet) {
        return new Preferences(
                "S-1",
                "Customer",
                "America/New_York",
                new LinkedHashMap<>(),
                null,
                "08:00",
                "MONDAY",
                quiet,
                null,
                null,
                null);
    }
}
