package com.switchboard.rest.tracking;

import com.switchboard.rest.Roles;
import com.switchboard.rest.security.ReadScopes;
import com.switchboard.tracking.DeliveryTrackingService;
import com.switchboard.tracking.TrackingQuery;
import com.switchboard.tracking.TrackingViews;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /communications/delivery-tracking}: with {@code communicationId}, every recipient with
 * its receipt timeline; otherwise a page of communications filtered by status, channel, customer,
 * vehicle and due time, continued with the {@code next} cursor.
 */
@Path("/communications/delivery-tracking")
@Tag(name = "Tracking")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
public class DeliveryTrackingResource {

    static final String TIMELINE_EXAMPLE =
            "{\"communicationId\":\"7d0f8c9e-3b1a-4c5e-9a51-2f8d6c0b4e11\",\"status\":\"Delivered\","
                    + "\"createdAt\":\"2026-06-01T09:00:00Z\",\"recipients\":[{\"index\":0,\"channel\":\"Email\",\"address\":\"ann@example.com\","
                    + "\"status\":\"Delivered\",\"providerMessageId\":\"0102019a-example\",\"sentAt\":\"2026-06-01T09:00:01Z\","
                    + "\"deliveredAt\":\"2026-06-01T09:00:03Z\",\"events\":[{\"recipientIndex\":0,\"channel\":\"Email\",\"type\":\"Delivery\","
                    + "\"rawStatus\":\"Delivery\",\"occurredAt\":\"2026-06-01T09:00:02Z\",\"receivedAt\":\"2026-06-01T09:00:03Z\",\"applied\":true}]}]}";
    static final String PAGE_EXAMPLE =
            "{\"items\":[{\"communicationId\":\"7d0f8c9e-3b1a-4c5e-9a51-2f8d6c0b4e11\",\"status\":\"Delivered\","
                    + "\"channels\":[\"Email\"],\"customerId\":\"C-1001\",\"vehicleId\":\"V-42\",\"createdAt\":\"2026-06-01T09:00:00Z\","
                    + "\"counts\":{\"Delivered\":1}}],\"next\":\"eyJkYXkiOiIyMDI2LTA2LTAxIn0\"}";

    @Inject
    DeliveryTrackingService tracking;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    @Operation(
            operationId = "trackDeliveries",
            summary = "Track deliveries",
            description =
                    "With communicationId: every recipient with its receipt timeline. "
                            + "Otherwise a page of communications filtered by status, channel, customerId, vehicleId and from/to, continued with next. "
                            + "An integration client sees only its own client's communications unless its key was granted read-all.")
    @APIResponse(
            responseCode = "200",
            description = "A timeline (with communicationId) or a page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(anyOf = {TrackingViews.Timeline.class, TrackingViews.Page.class}),
                            examples = {
                                @ExampleObject(name = "timeline", value = TIMELINE_EXAMPLE),
                                @ExampleObject(name = "page", value = PAGE_EXAMPLE)
                            }))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @RolesAllowed({Roles.CSR, Roles.ADMIN, Roles.INTEGRATION})
    @Produces(MediaType.APPLICATION_JSON)
    public Object track(
            @QueryParam("communicationId") String communicationId,
            @QueryParam("status") String status,
            @QueryParam("channel") String channel,
            @QueryParam("customerId") String customerId,
            @QueryParam("vehicleId") String vehicleId,
            @QueryParam("from") String from,
            @QueryParam("to") String to,
            @QueryParam("limit") Integer limit,
            @QueryParam("next") String next) {
        if (communicationId != null && !communicationId.isBlank()) {
            return tracking.timeline(communicationId.trim(), ReadScopes.of(security, request));
        }
        return tracking.list(
                TrackingQuery.of(status, channel, customerId, vehicleId, from, to, limit, next),
                ReadScopes.of(security, request));
    }
}
