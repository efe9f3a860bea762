package com.switchboard.rest.audit;

import com.switchboard.audit.AuditLog;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /communications/audit}: what administrators did (API keys, webhook subscriptions, channel
 * pause, resume and replay, test sends, suppression overrides, stakeholder profiles), by whom and
 * when, one UTC day at a time, newest first.
 */
@Path("/communications/audit")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "Audit")
@SecurityRequirement(name = "basic")
public class AuditResource {
    private static final int MAX_LIMIT = 200;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @GET
    @Operation(
            operationId = "listAuditEntries",
            summary = "Administrative actions of one day",
            description = "Newest first; `day` is a UTC date (today when absent); `next` pages on.")
    @APIResponse(
            responseCode = "200",
            description = "A page of actions",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = AuditLog.Page.class),
                            examples =
                                    @ExampleObject(
                                            name = "page",
                                            value = "{\"entries\":[{\"at\":\"2026-06-01T09:00:00Z\",\"who\":\"alice\","
                                                    + "\"action\":\"api-key.revoke\",\"target\":\"0b5c…\",\"outcome\":\"ok\"}],"
                                                    + "\"next\":null}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public AuditLog.Page list(
            @QueryParam("day") String day, @QueryParam("limit") Integer limit, @QueryParam("next") String next) {
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > MAX_LIMIT) {
            throw InvalidRequestException.invalid("limit", "1 to " + MAX_LIMIT);
        }
        return audit.day(day(day), size, next);
    }

    private LocalDate day(String day) {
        if (day == null || day.isBlank()) {
            return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
        try {
            return LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.invalid("day", "a date such as 2026-06-01 (UTC)");
        }
    }
}
