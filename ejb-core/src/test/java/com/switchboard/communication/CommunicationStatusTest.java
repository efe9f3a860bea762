package com.switchboard.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class CommunicationStatusTest {

    @Test
    void staysSentWhileAnyRecipientIsInFlight() {
        assertEquals(CommunicationStatus.Sent, CommunicationStatus.from(1, 0, 3, 0), "one pending keeps it Sent");
        assertEquals(CommunicationStatus.Sent, CommunicationStatus.from(0, 1, 0, 5), "one sent keeps it Sent");
    }

    @Test
    void endsDeliveredFailedOrPartiallyDeliveredByItsRecipients() {
        assertEquals(CommunicationStatus.Delivered, CommunicationStatus.from(0, 0, 4, 0), "all delivered");
        assertEquals(CommunicationStatus.Failed, CommunicationStatus.from(0, 0, 0, 4), "all failed");
        assertEquals(CommunicationStatus.PartiallyDelivered, CommunicationStatus.from(0, 0, 3, 1), "mixed ends");
    }
}
