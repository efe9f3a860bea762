package com.switchboard.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class OptOutKeywordsTest {
    private static final List<String> DEFAULTS = List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "BAJA", "PARAR");

    @Test
    void aKeywordAloneOptsOutWhateverItsCaseAndBlanks() {
        assertTrue(OptOutKeywords.matches(DEFAULTS, "STOP"), "upper case");
        assertTrue(OptOutKeywords.matches(DEFAULTS, "  stop \n"), "lower case, padded");
        assertTrue(OptOutKeywords.matches(DEFAULTS, "Unsubscribe"), "mixed case");
        assertTrue(OptOutKeywords.matches(DEFAULTS, "baja"), "Spanish");
    }

    @Test
    void aSentenceContainingAKeywordOrNoTextDoesNot() {
        assertFalse(OptOutKeywords.matches(DEFAULTS, "When does the offer end?"), "a question mentioning end");
        assertFalse(OptOutKeywords.matches(DEFAULTS, "stop it please"), "more than the keyword");
        assertFalse(OptOutKeywords.matches(DEFAULTS, "   "), "blank");
        assertFalse(OptOutKeywords.matches(DEFAULTS, null), "a media message has no text");
    }
}
