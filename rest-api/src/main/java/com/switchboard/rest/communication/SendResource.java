package com.switchboard.rest.communication;

import com.switchboard.communication.SendAccepted;
import com.switchboard.communication.SendRequest;
import com.switchboard.communication.SendService;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;

/** {@code POST /communications/send}: accepts a communication for delivery and answers 202 at once. */
@Path("/communications/send")
public class SendResource {

    @Inject
    SendService sends;

    @POST
    @RolesAllowed({Roles.CSR, Roles.INTEGRATION})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(SendRequest request, @HeaderParam("Idempotency-Key") String idempotencyKey,
            @Context SecurityContext security, @Context UriInfo uri) {
        SendAccepted accepted = sends.send(request, idempotencyKey, security.getUserPrincipal().getName());
        return Response.accepted(accepted)
                .location(uri.getBaseUriBuilder().path("communications").path(accepted.communicationId()).build())
                .build();
    }
}
