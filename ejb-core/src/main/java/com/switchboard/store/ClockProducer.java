package com.switchboard.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The system clock, injected so time-dependent behaviour can be tested with a fixed one. With
 * {@code clock.adjustable} (local profile only) it is an {@link OffsetClock} the integration tests
 * move to any time.
 */
@ApplicationScoped
public class ClockProducer {
    private final OffsetClock offsetClock = new OffsetClock(Clock.systemUTC());

    @Inject
    @ConfigProperty(name = "clock.adjustable", defaultValue = "false")
    boolean adjustable;

    @Produces
    Clock clock() {
        return adjustable ? offsetClock : Clock.systemUTC();
    }

    /** The clock tests may move, when this server has one. */
    public Optional<OffsetClock> adjustable() {
        return adjustable ? Optional.of(offsetClock) : Optional.empty();
    }
}
