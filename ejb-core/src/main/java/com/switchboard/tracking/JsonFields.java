package com.switchboard.tracking;

import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonException;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Lenient reads from provider JSON: a missing or differently typed field is absent, not an error. */
final class JsonFields {
    private JsonFields() {}

    static Optional<JsonObject> object(String json) {
        try (JsonReader r = Json.createReader(new StringReader(json == null ? "" : json))) {
            JsonValue v = r.readValue();
            return v instanceof JsonObject o ? Optional.of(o) : Optional.empty();
        } catch (JsonException | IllegalStateException e) {
            return Optional.empty();
        }
    }

    static JsonObject object(JsonObject o, String name) {
        JsonValue v = o == null ? null : o.get(name);
        return v instanceof JsonObject obj ? obj : null;
    }

    static String text(JsonObject o, String name) {
        JsonValue v = o == null ? null : o.get(name);
        if (v instanceof JsonString s) {
            return s.getString();
        }
        return v instanceof JsonNumber n ? n.toString() : null;
    }

    static Long number(JsonObject o, String name) {
        JsonValue v = o == null ? null : o.get(name);
        return v instanceof JsonNumber n ? n.longValue() : null;
    }

    static boolean flag(JsonObject o, String name) {
        return o != null && o.get(name) == JsonValue.TRUE;
    }

    /** Strings of an array, or the given field of each object in it. */
    static List<String> texts(JsonObject o, String name, String field) {
        List<String> out = new ArrayList<>();
        JsonValue v = o == null ? null : o.get(name);
        if (v instanceof JsonArray a) {
            for (JsonValue e : a) {
                String s = e instanceof JsonString js
                        ? js.getString()
                        : e instanceof JsonObject eo ? text(eo, field) : null;
                if (s != null) {
                    out.add(s);
                }
            }
        }
        return out;
    }
}
