package com.switchboard.rest.communication;

import com.switchboard.communication.CommunicationView;
import com.switchboard.communication.send.SendService;
import com.switchboard.rest.Roles;
import com.switchboard.rest.security.ReadScopes;
import com.switchboard.scheduling.ScheduleService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /communications/{id}}: a communication with every recipient's delivery state;
 * {@code DELETE} cancels and {@code PUT .../schedule} reschedules one not yet dispatched.
 */
@Path("/communications")
@Tag(name = "Communications")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
public class CommunicationResource {

    @Inject
    SendService sends;

    @Inject
    ScheduleService schedules;

    @Context
    SecurityContext security;

    @Context
    HttpServletRequest request;

    @GET
    @APIResponseSchema(CommunicationView.class)
    @Operation(
            operationId = "getCommunication",
            summary = "A communication with every recipient's delivery state",
            description = "An integration client reads only communications its own client created (404 for others) "
                    + "unless an administrator granted its key read-all.")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Path("{id: [0-9a-fA-F-]{36}}")
    @RolesAllowed({Roles.CSR, Roles.ADMIN, Roles.INTEGRATION})
    @Produces(MediaType.APPLICATION_JSON)
    public CommunicationView get(@PathParam("id") String id) {
        return sends.get(id, ReadScopes.of(security, request));
    }

    /** Cancels a communication that has not gone out (status Cancelled); 409 once it was dispatched. */
    @DELETE
    @APIResponseSchema(CommunicationView.class)
    @Operation(operationId = "cancelCommunication", summary = "Cancel a communication not yet dispatched")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @Path("{id: [0-9a-fA-F-]{36}}")
    @RolesAllowed({Roles.CSR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    public CommunicationView cancel(@PathParam("id") String id) {
        return schedules.cancel(id);
    }

    /** Moves a communication that has not gone out to a new future {@code scheduledAt}; 409 once it was dispatched. */
    @PUT
    @APIResponseSchema(CommunicationView.class)
    @Operation(operationId = "rescheduleCommunication", summary = "Reschedule a communication not yet dispatched")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @Path("{id: [0-9a-fA-F-]{36}}/schedule")
    @RolesAllowed({Roles.CSR, Roles.ADMIN})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public CommunicationView reschedule(@PathParam("id") String id, ScheduleChange change) {
        return schedules.reschedule(id, change == null ? null : change.scheduledAt());
    }
}
