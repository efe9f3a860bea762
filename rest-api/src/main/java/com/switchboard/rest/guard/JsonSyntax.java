package com.switchboard.rest.guard;

import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.stream.JsonParser;
import java.io.StringReader;
import java.util.Optional;

/**
 * Checks that text is well-formed JSON with the streaming parser, which stops at the end of its
 * input. It runs before JSON-B binds anything: Yasson skipping an unknown property whose object
 * is cut off never sees the end of the input and spins on a thread forever, so one truncated
 * body such as <code>{"x":{"a":</code> would take a core of the server per request.
 */
public final class JsonSyntax {
    private JsonSyntax() {
    }

    /** Why {@code text} is not well-formed JSON, or empty when it is. */
    public static Optional<String> problem(String text) {
        try (JsonParser parser = Json.createParser(new StringReader(text))) {
            while (parser.hasNext()) {
                parser.next();
            }
            return Optional.empty();
        } catch (JsonException | IllegalStateException | java.util.NoSuchElementException e) {
            return Optional.of(String.valueOf(e.getMessage()));
        }
    }
}
