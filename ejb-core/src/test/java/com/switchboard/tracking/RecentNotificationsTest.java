package com.switchboard.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.tracking.RecentNotifications.Buckets;
import com.switchboard.tracking.RecentNotifications.LongSet;
import org.junit.jupiter.api.Test;

class RecentNotificationsTest {
    private static final long HOUR = 3_600_000;
    private static final long T0 = 1_764_000_000_000L;

    @Test
    void anIdIsNewOnceWithinTheWindowAndNewAgainAfterIt() {
        Buckets seen = new Buckets(61);
        long id = RecentNotifications.hash("sns 1b2c");
        assertTrue(seen.add(id, T0, HOUR, 1000), "first time");
        assertFalse(seen.add(id, T0 + 1, HOUR, 1000), "a repeat a moment later");
        assertFalse(seen.add(id, T0 + HOUR - 60_001, HOUR, 1000), "a repeat near the end of the window");
        assertTrue(
                seen.add(id, T0 + HOUR + 120_000, HOUR, 1000),
                "after the window it is applied again (the verifier refuses it by age)");
        assertTrue(seen.add(RecentNotifications.hash("sns 1b2d"), T0 + 2, HOUR, 1000), "another id is independent");
    }

    @Test
    void containsOnlyLooksAndAddRemembers() {
        Buckets seen = new Buckets(61);
        long id = RecentNotifications.hash("wa-status delivered wamid.1");
        assertFalse(seen.contains(id, T0, HOUR), "not yet applied");
        assertFalse(
                seen.contains(id, T0 + 1, HOUR),
                "looking does not remember: a failed attempt's retry is still applied");
        seen.add(id, T0 + 2, HOUR, 1000);
        assertTrue(seen.contains(id, T0 + 3, HOUR), "remembered once applied");
        assertFalse(seen.contains(id, T0 + HOUR + 120_000, HOUR), "forgotten after the window");
    }

    @Test
    void pastTheCapIdsAreAppliedUnremembered() {
        Buckets seen = new Buckets(61);
        for (int i = 0; i < 3; i++) {
            assertTrue(seen.add(RecentNotifications.hash("id " + i), T0, HOUR, 2), "id " + i);
        }
        assertTrue(
                seen.add(RecentNotifications.hash("id 2"), T0 + 1, HOUR, 2),
                "the third was not remembered: applied, not refused");
        assertFalse(seen.add(RecentNotifications.hash("id 0"), T0 + 1, HOUR, 2), "the first two were");
    }

    @Test
    void theSetHoldsManyLongsIncludingZeroAndGrows() {
        LongSet set = new LongSet();
        for (long v = -5_000; v <= 5_000; v++) {
            set.add(v * 0x9E3779B97F4A7C15L);
        }
        assertEquals(10_001, set.size(), "every value once, zero included");
        assertTrue(set.contains(0) && set.contains(17 * 0x9E3779B97F4A7C15L), "found");
        assertFalse(set.contains(12345), "not added");
        set.clear();
        assertEquals(0, set.size(), "cleared");
        assertFalse(set.contains(0), "zero gone too");
    }

    @Test
    void similarIdsHashApart() {
        assertNotEquals(
                RecentNotifications.hash("wa-status delivered wamid.1"),
                RecentNotifications.hash("wa-status read wamid.1"));
        assertNotEquals(RecentNotifications.hash("sns a"), RecentNotifications.hash("sns b"));
    }
}
