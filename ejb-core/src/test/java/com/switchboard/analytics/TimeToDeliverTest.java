package com.switchboard.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TimeToDeliverTest {

    @Test
    void aDeliveryIsCountedInTheFirstBucketItFits() {
        assertEquals("ttd_le_1s", TimeToDeliver.bucket(Duration.ofMillis(800)), "0.8 s");
        assertEquals("ttd_le_5s", TimeToDeliver.bucket(Duration.ofMillis(1001)), "just over 1 s");
        assertEquals("ttd_le_60s", TimeToDeliver.bucket(Duration.ofSeconds(60)), "a bound is included");
        assertEquals("ttd_gt_3600s", TimeToDeliver.bucket(Duration.ofHours(2)), "slower than the last bound");
    }

    @Test
    void percentilesAreTheBoundOfTheBucketHoldingThem() {
        Map<String, Long> h = Map.of("ttd_le_1s", 6L, "ttd_le_5s", 3L, "ttd_le_300s", 1L);
        assertEquals(1L, TimeToDeliver.percentile(h, 0.5), "p50 of 10 with 6 under a second");
        assertEquals(300L, TimeToDeliver.percentile(h, 0.95), "p95 reaches the slowest");
        assertEquals(-1L, TimeToDeliver.percentile(Map.of("ttd_gt_3600s", 2L), 0.5), "beyond the last bound");
        assertNull(TimeToDeliver.percentile(Map.of(), 0.5), "nothing delivered, no percentile");
    }
}
