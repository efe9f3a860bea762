package it.support;

import java.time.Instant;

/**
 * Moves the server's clock through {@code /communications/clock} (adjustable in the local profile
 * only): time runs on from the instant set. Tests that move it put it back afterwards.
 */
public final class TestClock {
    private static final Api ADMIN = Api.as("admin");

    private TestClock() {}

    public static void set(Instant now) {
        Api.Reply r = ADMIN.put("/communications/clock", "{\"now\":\"" + now + "\"}");
        if (r.status() != 200) {
            throw new AssertionError("clock not moved: " + r.status() + " " + r.body());
        }
    }

    public static void reset() {
        Api.Reply r = ADMIN.delete("/communications/clock");
        if (r.status() != 200) {
            throw new AssertionError("clock not reset: " + r.status() + " " + r.body());
        }
    }
}
