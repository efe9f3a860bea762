package com.switchboard.channel.inapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboxCursorTest {

    @Test
    void aCursorLeadsBackToTheSortKeyItWasMadeFrom() {
        String sk = "NOTE#2026-11-25T16:49:37.120Z#0b8e2f4c-1d2e-4f60-9a1b-2c3d4e5f6a7b#000000";
        String cursor = InboxCursor.encode(sk);
        assertTrue(cursor.matches("[A-Za-z0-9_-]+"), "the cursor is URL-safe: " + cursor);
        assertEquals(Optional.of(sk), InboxCursor.decode(cursor), "round trip");
    }

    @Test
    void aCursorThatIsNotOursIsRefused() {
        assertEquals(Optional.empty(), InboxCursor.decode("%%%"), "not base64");
        assertEquals(Optional.empty(), InboxCursor.decode(InboxCursor.encode("CHUNK#000000")), "not a note's key");
    }
}
