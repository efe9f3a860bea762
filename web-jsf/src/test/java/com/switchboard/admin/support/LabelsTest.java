package com.switchboard.admin.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {
    private final Labels labels = new Labels();

    @Test
    void channelsReadAsTheStoryNamesThem() {
        assertEquals("In-App", labels.channel("InApp"));
        assertEquals("Email, SMS, In-App", labels.channels(List.of("Email", "SMS", "InApp")));
        assertEquals("Fax", labels.channel("Fax"), "an unknown name as it is");
    }

    @Test
    void countsAreASentenceOfWhatIsNotZero() {
        Map<String, Long> counts =
                new LinkedHashMap<>(Map.of("Pending", 0L, "Sent", 0L, "Delivered", 2L, "Failed", 1L));
        assertEquals("2 delivered · 1 failed", labels.counts(counts));
        assertEquals("no recipients", labels.counts(Map.of("Pending", 0L)));
    }

    @Test
    void statusesWeekdaysAndStatesAreWords() {
        assertEquals("Partially delivered", labels.status("PartiallyDelivered"));
        assertEquals("Opted out", labels.status("opted-out"));
        assertEquals("Unseen", labels.status("unseen"));
        assertEquals("Monday", labels.weekday("MONDAY"));
    }

    @Test
    void instantsAreShownToTheSecond() {
        assertEquals("2026-12-04 15:05:38 UTC", labels.utc("2026-12-04T15:05:38.685951591Z"));
        assertEquals("soon", labels.utc("soon"), "text that is not an instant as it is");
    }

    @Test
    void pickerTimesAreReadInTheReadersZone() {
        ZoneId berlin = ZoneId.of("Europe/Berlin");
        assertEquals(
                "2026-12-05T17:30:00Z", LocalTimes.instant("2026-12-05T18:30", berlin), "CET is UTC+1 in December");
        assertEquals(
                "2026-07-05T16:30:15Z", LocalTimes.instant("2026-07-05T18:30:15", berlin), "CEST is UTC+2 in July");
        assertEquals("2026-12-05T18:30:00Z", LocalTimes.instant("2026-12-05T18:30:00Z", berlin), "an instant as it is");
        assertEquals("tomorrow", LocalTimes.instant("tomorrow", berlin), "left for the API to refuse at its field");
        assertEquals(null, LocalTimes.instant(" ", berlin));
        assertEquals(ZoneOffset.UTC, LocalTimes.zone("Mars/Olympus"), "an unknown zone reads as UTC");
    }
}
