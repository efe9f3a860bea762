package com.switchboard.preference;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConsentKeywordsTest {
    private static final List<String> DEFAULTS =
            List.of("STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "BAJA", "PARAR");

    @Test
    void aKeywordAloneOptsOutWhateverItsCaseAndBlanks() {
        assertTrue(ConsentKeywords.matches(DEFAULTS, "STOP"), "upper case");
        assertTrue(ConsentKeywords.matches(DEFAULTS, "  stop \n"), "lower case, padded");
        assertTrue(ConsentKeywords.matches(DEFAULTS, "Unsubscribe"), "mixed case");
        assertTrue(ConsentKeywords.matches(DEFAULTS, "baja"), "Spanish");
    }

    @Test
    void aSentenceContainingAKeywordOrNoTextDoesNot() {
        assertFalse(ConsentKeywords.matches(DEFAULTS, "When does the offer end?"), "a question mentioning end");
        assertFalse(ConsentKeywords.matches(DEFAULTS, "stop it please"), "more than the keyword");
        assertFalse(ConsentKeywords.matches(DEFAULTS, "   "), "blank");
        assertFalse(ConsentKeywords.matches(DEFAULTS, null), "a media message has no text");
    }
}
