package com.switchboard.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.switchboard.preference.SearchTokens.Token;
import java.util.List;
import org.junit.jupiter.api.Test;

class SearchTokensTest {

    @Test
    void platesAndCustomerNumbersAreFoundWhateverTheirSpacingAndCase() {
        assertEquals("ab12cde", SearchTokens.normalise("AB12 CDE"), "spaces dropped, lower case");
        assertEquals("ab12cde", SearchTokens.normalise("ab-12-cde"), "dashes dropped");
        assertEquals("c1001", SearchTokens.normalise("C-1001"), "customer number normalised the same way");
    }

    @Test
    void accentsDoNotStopANameBeingFound() {
        assertEquals("joao", SearchTokens.normalise("João"), "accents dropped");
    }

    @Test
    void aProfileHasOneTokenPerNameWordPlateAndCustomerNumber() {
        List<Token> tokens = SearchTokens.of(
                new StakeholderProfile("s1", "Ana  Silva-Rocha", List.of("AB12 CDE", "X"), "C-1001", null));
        assertEquals(
                List.of(
                        new Token("name", "ana"),
                        new Token("name", "silva"),
                        new Token("name", "rocha"),
                        new Token("vehicle", "ab12cde"),
                        new Token("customer", "c1001")),
                tokens,
                "one-character plates can never be searched, so they get no token");
    }

    @Test
    void theLongestTermIsQueriedFirst() {
        assertEquals(
                List.of("silva", "ana"), SearchTokens.terms("  ana SILVA ana "), "distinct, normalised, longest first");
        assertEquals(List.of(), SearchTokens.terms("  -- "), "nothing searchable");
    }
}
