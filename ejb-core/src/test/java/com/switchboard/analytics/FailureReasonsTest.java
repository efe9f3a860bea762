package com.switchboard.analytics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FailureReasonsTest {

    @Test
    void reasonsDifferingInDetailShareOneKey() {
        assertEquals(
                "gave-up-after-deliveries",
                FailureReasons.normalise("gave up after 5 deliveries: SNS throttled"),
                "numbers and the detail after the colon are dropped");
        assertEquals(
                FailureReasons.normalise("InvalidParameter: +4470000001 bad"),
                FailureReasons.normalise("InvalidParameter: +4470000002 worse"),
                "same head, same key");
        assertEquals("unknown", FailureReasons.normalise(null), "no reason");
        assertTrue(FailureReasons.normalise("x".repeat(100)).length() <= 40, "keys stay short");
    }

    @Test
    void optedOutIsRecognised() {
        assertTrue(FailureReasons.optedOut("opted-out"), "the SMS provider's reason");
        assertFalse(FailureReasons.optedOut("bounced"), "another reason");
    }
}
