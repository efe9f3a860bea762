package com.switchboard.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void phoneNumbersAndEmailAddressesDoNotReachTheLogWhole() {
        assertEquals(
                "SNS 400 InvalidParameter: PhoneNumber Reason: ***123 is not valid",
                LogSafe.redact("SNS 400 InvalidParameter: PhoneNumber Reason: +447911000123 is not valid"));
        assertEquals(
                "SMTP 550 5.1.1 <***@example.com>: Mailbox does not exist",
                LogSafe.redact("SMTP 550 5.1.1 <ana.lopez@example.com>: Mailbox does not exist"));
        assertEquals("SMTP 451 4.3.0 Try again later", LogSafe.redact("SMTP 451 4.3.0 Try again later"), "codes stay");
    }

    @Test
    void numbersKeepOnlyTheirLastThreeDigitsInEveryWrittenForm() {
        assertEquals(
                "could not add ***123 to the list", LogSafe.redact("could not add +447911000123 to the list"), "E.164");
        assertEquals("to ***123 now", LogSafe.redact("to +44 7911 000123 now"), "spaced international");
        assertEquals("to ***123 now", LogSafe.redact("to 07911 000123 now"), "national");
        assertEquals("to ***999", LogSafe.redact("to 15550109999"), "without the plus");
        assertEquals("***123, ***456", LogSafe.redact("+447911000123, +34600111456"), "each of several numbers");
        String line = LogSafe.redact("WhatsApp 131026: +5511987654321 is not on WhatsApp");
        assertFalse(line.contains("987654"), "no run of the number's middle digits remains: " + line);
    }

    @Test
    void shortNumbersAndCodesAreNotMistakenForPhoneNumbers() {
        assertEquals(
                "gave up after 3 deliveries: SNS 503 (attempt 2 of 10)",
                LogSafe.redact("gave up after 3 deliveries: SNS 503 (attempt 2 of 10)"),
                "counts and status codes stay");
    }

    @Test
    void identifiersWhoseHexGroupsHoldLongDigitRunsStayWhole() {
        String reason = "no recipient 0 in communication 882081c6-1f9c-44f6-bed2-bfe957939835";
        assertEquals(reason, LogSafe.redact(reason), "a UUID is no phone number (the reason names the communication)");
        assertEquals(
                "ticket ID:efc826a4670000000000000001 for ***123",
                LogSafe.redact("ticket ID:efc826a4670000000000000001 for +447911000123"),
                "a message id stays, the number does not");
    }

    @Test
    void aWebhookUrlKeepsItsHostButNotItsSecretPath() {
        assertEquals(
                "POST https://hooks.slack.com/*** failed",
                LogSafe.redact("POST https://hooks.slack.com/services/T000/B000/XXXXsecret failed"));
        assertEquals(
                "at https://prod.westeurope.logic.azure.com/***",
                LogSafe.redact("at https://prod.westeurope.logic.azure.com/workflows/abc/triggers/manual?sig=s3cr3t"));
    }
}
