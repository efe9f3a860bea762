package com.switchboard.communication;

import java.util.Arrays;
import java.util.Optional;

/**
 * How a communication uses a recipient's channels: {@code first-success} sends on one and falls
 * back to the next only when it fails or is not delivered in time; {@code all} sends on every
 * listed channel at once.
 */
public enum SendMode {
    FIRST_SUCCESS("first-success"),
    ALL("all");

    private final String spelling;

    SendMode(String spelling) {
        this.spelling = spelling;
    }

    /** The API's spelling. */
    public String spelling() {
        return spelling;
    }

    public static Optional<SendMode> parse(String name) {
        return Arrays.stream(values()).filter(m -> m.spelling.equals(name)).findFirst();
    }
}
