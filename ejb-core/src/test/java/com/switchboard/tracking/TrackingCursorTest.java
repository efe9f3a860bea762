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
        TrackingCursor c = new TrackingCursor("2026-11-25", "2026-11-25T10:00:00Z#" + ID, "COMMUNICATION#" + ID, "DETAILS");
        assertEquals(Optional.of(c), TrackingCursor.decode(c.encode()), "with a key");
        TrackingCursor dayOnly = new TrackingCursor("2026-11-24", null, null, null);
        assertEquals(Optional.of(dayOnly), TrackingCursor.decode(dayOnly.encode()), "a day without a key");
    }

    @Test
    void aForgedKeyIsNoCursor() {
        for (String raw : new String[] {"2026-11-25\nnot-a-key\nCOMMUNICATION#x\nDETAILS",
                "2026-11-25\n2026-11-24T10:00:00Z#" + ID + "\nCOMMUNICATION#" + ID + "\nDETAILS",
                "2026-11-25\n2026-11-25T10:00:00Z#" + ID + "\nCOMMUNICATION#" + ID + "\nRECIPIENT#000000",
                "2026-11-25\n2026-11-25T10:00:00Z#other\nCOMMUNICATION#" + ID + "\nDETAILS"}) {
            String token = Base64.getUrlEncoder().withoutPadding().encodeToString(raw.getBytes(StandardCharsets.UTF_8));
            assertTrue(TrackingCursor.decode(token).isEmpty(), "refused: " + raw.replace('\n', '|'));
        }
    }
}
