package com.switchboard.store;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Optional;

/** A page cursor as clients carry it: the text of a position, base64url without padding, safe in a query string. */
public final class OpaqueCursor {

    private OpaqueCursor() {}

    public static String encode(String position) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(position.getBytes(StandardCharsets.UTF_8));
    }

    /** The position a cursor handed back by a client stands for; empty when it is no cursor at all. */
    public static Optional<String> decode(String cursor) {
        try {
            return Optional.of(new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }
}
