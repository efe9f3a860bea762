package com.switchboard.preference;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.channel.Channel;
import org.junit.jupiter.api.Test;

class AddressValidatorTest {
    private final AddressValidator validator = new AddressValidator();

    @Test
    void acceptsPlainEmailAddressesAndRealE164Numbers() {
        assertTrue(validator.problem(Channel.Email, "ana.lopez@example.com").isEmpty(), "plain address");
        assertTrue(validator.problem(Channel.SMS, "+447911123456").isEmpty(), "UK mobile in E.164");
        assertTrue(validator.problem(Channel.WhatsApp, "+14155552671").isEmpty(), "US number in E.164");
    }

    @Test
    void refusesAddressesThatCouldInjectHeadersOrAreNotAddresses() {
        assertTrue(
                validator
                        .problem(Channel.Email, "ana@example.com\r\nBcc: all@example.com")
                        .isPresent(),
                "CRLF injection");
        assertTrue(
                validator.problem(Channel.Email, "Ana <ana@example.com>").isPresent(),
                "display names are not addresses");
        assertTrue(validator.problem(Channel.Email, "ana@").isPresent(), "no domain");
        assertTrue(validator.problem(Channel.Email, "").isPresent(), "blank");
    }

    @Test
    void refusesNumbersThatAreNotValidE164() {
        assertTrue(validator.problem(Channel.SMS, "07700900123").isPresent(), "national format");
        assertTrue(validator.problem(Channel.SMS, "+44 7700 900123").isPresent(), "spaces");
        assertTrue(validator.problem(Channel.SMS, "+4412").isPresent(), "too short");
        assertTrue(validator.problem(Channel.WhatsApp, "+999123456789").isPresent(), "no such country code");
    }
}
