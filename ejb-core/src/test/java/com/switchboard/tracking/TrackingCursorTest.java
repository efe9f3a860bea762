package com.switchboard.tracking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TrackingCursorTest {
    private static final String ID = "3f238d8f-00b6-45fe-85b8-c9e707e0b082";

    @Test
    void aCursorTheServiceHandsOutReadsBack() {
        TrackingCursor c = new TrackingCursor("2026-11-25", "2026-11-25T10:00:00Z#" + ID);
        assertEquals(Optional.of(c), TrackingCursor.decode(c.encode()), "with a key");
        TrackingCursor dayOnly = new TrackingCursor("2026-11-24", null);
        assertEquals(Optional.of(dayOnly), TrackingCursor.decode(dayOnly.encode()), "a day without a key");
    }

    @Test
    void aForgedKeyIsNoCursor() {
        for (String raw : new String[] {
            "2026-11-25\nnot-a-key",
            "2026-11-25\n2026-11-24T10:00:00Z#" + ID,
            "2026-11-25\n2026-11-25T10:00:00Z",
            "2026-11-25\n2026-11-25T10:00:00Z#",
            "2026-11-25",
            "2026-11-25\n2026-11-25T10:00:00Z#" + ID + "\nCOMMUNICATION#" + ID + "\nDETAILS",
            "yesterday\n"
        }) {
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            assertTrue(TrackingCursor.decode(token).isEmpty(), "refused: " + raw.replace('\n', '|'));
        }
    }
}
