package com.switchboard.preference;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * The words a stakeholder is found by. Every name word, plate and customer number becomes one
 * normalised token (lower case, accents and everything but letters and digits dropped: "AB12 CDE"
 * and "ab-12-cde" are both {@code ab12cde}); a search term matches a token it is a prefix of, which
 * DynamoDB answers with {@code begins_with} on the token's sort key.
 */
public final class SearchTokens {
    /** The shortest term searched: the token partition is chosen by the first two characters. */
    public static final int MIN_TERM = 2;

    /** A token and the profile field it came from. */
    public record Token(String field, String value) {}

    private SearchTokens() {}

    public static String normalise(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", "");
    }

    /** Each distinct token of the profile; tokens shorter than {@link #MIN_TERM} could never be searched. */
    public static List<Token> of(StakeholderProfile p) {
        Set<Token> tokens = new LinkedHashSet<>();
        if (p.displayName() != null) {
            for (String word : p.displayName().split("[\\s\\-'’]+")) {
                add(tokens, "name", word);
            }
        }
        if (p.vehicles() != null) {
            p.vehicles().forEach(v -> add(tokens, "vehicle", v));
        }
        add(tokens, "customer", p.customerNumber());
        return new ArrayList<>(tokens);
    }

    /** The search's terms, normalised, longest first (the most selective one is queried). */
    public static List<String> terms(String search) {
        List<String> terms = new ArrayList<>();
        if (search != null) {
            for (String word : search.trim().split("\\s+")) {
                String t = normalise(word);
                if (!t.isEmpty() && !terms.contains(t)) {
                    terms.add(t);
                }
            }
        }
        terms.sort((a, b) -> Integer.compare(b.length(), a.length()));
        return terms;
    }

    /** The partition a token (or a term) lives in: its first two characters. */
    public static String bucket(String token) {
        return token.substring(0, MIN_TERM);
    }

    private static void add(Set<Token> tokens, String field, String text) {
        String t = normalise(text);
        if (t.length() >= MIN_TERM) {
            tokens.add(new Token(field, t));
        }
    }
}
