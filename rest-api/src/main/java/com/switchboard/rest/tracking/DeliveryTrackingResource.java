package com.switchboard.rest.tracking;

import com.switchboard.rest.Roles;
import com.switchboard.tracking.DeliveryTrackingService;
import com.switchboard.tracking.TrackingQuery;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;

/**
 * {@code GET /communications/delivery-tracking}: with {@code communicationId}, every recipient with
 * its receipt timeline; otherwise a page of communications filtered by status, channel, customer,
 * vehicle and due time, continued with the {@code next} cursor.
 */
@Path("/communications/delivery-tracking")
public class DeliveryTrackingResource {

    @Inject
    DeliveryTrackingService tracking;

    @GET
    @RolesAllowed({Roles.CSR, Roles.ADMIN, Roles.INTEGRATION})
    @Produces(MediaType.APPLICATION_JSON)
    public Object track(@QueryParam("communicationId") String communicationId, @QueryParam("status") String status,
            @QueryParam("channel") String channel, @QueryParam("customerId") String customerId,
            @QueryParam("vehicleId") String vehicleId, @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("limit") Integer limit, @QueryParam("next") String next) {
        if (communicationId != null && !communicationId.isBlank()) {
            return tracking.timeline(communicationId.trim());
        }
        return tracking.list(TrackingQuery.of(status, channel, customerId, vehicleId, from, to, limit, next));
    }
}
