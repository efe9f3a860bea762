package com.switchboard.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.channel.Channel;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DestinationCountriesTest {

    private static DestinationCountries of(String codes) {
        DestinationCountries c = new DestinationCountries();
        c.codes = Optional.ofNullable(codes);
        return c;
    }

    @Test
    void onlyListedCallingCodesAreReachedBySmsAndWhatsApp() {
        DestinationCountries uk = of("44, +34");
        assertEquals(Optional.empty(), uk.refusal(Channel.SMS, "+447700900123"));
        assertEquals(Optional.empty(), uk.refusal(Channel.WhatsApp, "+34611222333"));
        assertTrue(uk.refusal(Channel.SMS, "+33612345678").orElseThrow().contains("+44, +34"), "France is not listed");
        assertTrue(uk.refusal(Channel.WhatsApp, "+4915112345678").isPresent(), "nor Germany");
        assertEquals(Optional.empty(), uk.refusal(Channel.Email, "someone@example.fr"), "email has no country");
    }

    @Test
    void nothingConfiguredMeansNoPhoneDestinationAndAStarMeansAny() {
        assertTrue(of(null).refusal(Channel.SMS, "+447700900123").orElseThrow().contains("none configured"));
        assertEquals(Optional.empty(), of("*").refusal(Channel.SMS, "+5511912345678"));
    }
}
