package it.support;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;

/** The server's application metrics as Prometheus text ({@code /metrics?scope=application}). */
public final class Metrics {

    private Metrics() {}

    /** The sum of the samples of {@code name} carrying every label given (0 when none yet). */
    public static double sum(String name, String... labels) {
        Api.Reply r = Api.anonymous().get("/metrics?scope=application");
        assertEquals(200, r.status(), "the local profile serves the application metrics: " + r.body());
        return r.body()
                .lines()
                .filter(l -> l.startsWith(name + "{") && Arrays.stream(labels).allMatch(l::contains))
                .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                .sum();
    }
}
