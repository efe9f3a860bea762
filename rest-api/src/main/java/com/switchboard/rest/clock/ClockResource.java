package com.switchboard.rest.clock;

import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.rest.Roles;
import com.switchboard.store.ClockProducer;
import com.switchboard.store.OffsetClock;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * {@code GET|PUT|DELETE /communications/clock}: the server's time, which an admin may move on a
 * server whose profile makes the clock adjustable (local and tests only; elsewhere 404). PUT
 * {@code {"now":"2026-11-01T12:59:58Z"}} lets time run on from there; DELETE returns to real time.
 */
@Path("/communications/clock")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "basic")
public class ClockResource {

    /** The body of PUT and the answer of every method. */
    public record ClockSetting(String now) {}

    @Inject
    ClockProducer clocks;

    @Inject
    Clock clock;

    @Operation(operationId = "getClock", summary = "The server's clock and whether it may be moved")
    @GET
    public ClockSetting get() {
        adjustable();
        return new ClockSetting(clock.instant().toString());
    }

    @Operation(operationId = "setClock", summary = "Move the server's clock (local profile only)")
    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    public ClockSetting set(ClockSetting setting) {
        OffsetClock adjustable = adjustable();
        if (setting == null || setting.now() == null) {
            throw InvalidRequestException.invalid("now", "an ISO-8601 instant is required");
        }
        try {
            adjustable.setNow(Instant.parse(setting.now()));
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.invalid("now", "not an ISO-8601 instant such as 2026-01-31T09:00:00Z");
        }
        return new ClockSetting(clock.instant().toString());
    }

    @Operation(operationId = "resetClock", summary = "Put the server's clock back to real time")
    @DELETE
    public ClockSetting reset() {
        adjustable().reset();
        return new ClockSetting(clock.instant().toString());
    }

    private OffsetClock adjustable() {
        return clocks.adjustable().orElseThrow(() -> new NotFoundException("clock", "adjustable"));
    }
}
