package com.switchboard.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void phoneNumbersAndEmailAddressesDoNotReachTheLogWhole() {
        assertEquals("SNS 400 InvalidParameter: PhoneNumber Reason: ***123 is not valid",
                LogSafe.redact("SNS 400 InvalidParameter: PhoneNumber Reason: +447911000123 is not valid"));
        assertEquals("SMTP 550 5.1.1 <***@example.com>: Mailbox does not exist",
                LogSafe.redact("SMTP 550 5.1.1 <ana.lopez@example.com>: Mailbox does not exist"));
        assertEquals("SMTP 451 4.3.0 Try again later", LogSafe.redact("SMTP 451 4.3.0 Try again later"), "codes stay");
    }
}
