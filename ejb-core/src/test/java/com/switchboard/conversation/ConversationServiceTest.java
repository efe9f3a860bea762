package com.switchboard.conversation;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ConversationServiceTest {
    private static final Instant META = Instant.parse("2026-12-06T07:01:41Z");

    @Test
    void aMessageArrivingWithinItsSecondSitsWhenItArrivedAfterWhatWeSentInThatSecond() {
        Instant received = Instant.parse("2026-12-06T07:01:41.120Z");
        assertEquals(received, ConversationService.orderedAt(META, received), "after our 41.031 send");
    }

    @Test
    void aMessageDeliveredLateSitsAtTheEndOfItsSecondNotWhenItArrived() {
        assertEquals(
                Instant.parse("2026-12-06T07:01:41.999Z"),
                ConversationService.orderedAt(META, Instant.parse("2026-12-06T09:00:00Z")),
                "Meta retried it two hours later: it still sits where it was written");
    }

    @Test
    void aClockBehindMetasStillKeepsTheMessageInItsSecond() {
        assertEquals(
                Instant.parse("2026-12-06T07:01:41.999Z"),
                ConversationService.orderedAt(META, Instant.parse("2026-12-06T07:01:40Z")),
                "our clock behind Meta's");
    }
}
