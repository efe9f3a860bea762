package com.switchboard.rest.guard;

import jakarta.json.Json;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.Optional;

/**
 * Checks that text is well-formed JSON with the streaming parser, which stops at the end of its
 * input. It runs before JSON-B binds anything: Yasson skipping an unknown property whose object
 * is cut off never sees the end of the input and spins on a thread forever, so one truncated
 * body such as <code>{"x":{"a":</code> would take a core of the server per request. Nesting
 * deeper than {@link #MAX_DEPTH} is refused too: no body of ours nests beyond a few levels, and the
 * binders recurse once per level.
 */
public final class JsonSyntax {
    public static final int MAX_DEPTH = 32;

    private JsonSyntax() {}

    /** Why {@code text} is not well-formed JSON or nests too deep, or empty when it is fine. */
    public static Optional<String> problem(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            int depth = 0;
            while (parser.hasNext()) {
                JsonParser.Event event = parser.next();
                if (event == JsonParser.Event.START_OBJECT || event == JsonParser.Event.START_ARRAY) {
                    if (++depth > MAX_DEPTH) {
                        return Optional.of("nested deeper than " + MAX_DEPTH + " levels");
                    }
                } else if (event == JsonParser.Event.END_OBJECT || event == JsonParser.Event.END_ARRAY) {
                    depth--;
                }
            }
            return Optional.empty();
        } catch (RuntimeException e) { // JsonException and the parser's own limits alike: the text is not JSON we take
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
