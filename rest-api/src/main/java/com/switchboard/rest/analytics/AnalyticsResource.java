package com.switchboard.rest.analytics;

import com.switchboard.analytics.AnalyticsQuery;
import com.switchboard.analytics.AnalyticsReport;
import com.switchboard.analytics.AnalyticsService;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.time.Clock;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /communications/analytics?from=&to=&channel=&granularity=day|hour&reasons=}: per channel
 * volumes, delivery rate, time-to-deliver percentiles, the top failure reasons (5 unless
 * {@code reasons} says up to 100), opt-outs, estimated cost and
 * fallback share, read from the counters kept as statuses move.
 */
@Path("/communications/analytics")
@Tag(name = "Analytics")
@SecurityRequirement(name = "basic")
public class AnalyticsResource {

    @Inject
    AnalyticsService analytics;

    @Inject
    Clock clock;

    @GET
    @APIResponseSchema(AnalyticsReport.class)
    @Operation(
            operationId = "getAnalytics",
            summary = "Volumes, delivery rate, time to deliver, failure reasons and cost per channel")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RolesAllowed({Roles.CSR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    public AnalyticsReport report(
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("channel") String channel,
            @QueryParam("granularity") String granularity,
            @QueryParam("reasons") Integer reasons) {
        return analytics.report(AnalyticsQuery.of(from, to, channel, granularity, clock), reasons);
    }
}
