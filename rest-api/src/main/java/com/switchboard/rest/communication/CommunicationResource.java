package com.switchboard.rest.communication;

import com.switchboard.communication.CommunicationView;
import com.switchboard.communication.SendService;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** {@code GET /communications/{id}}: a communication with every recipient's delivery state. */
@Path("/communications")
public class CommunicationResource {

    @Inject
    SendService sends;

    @GET
    @Path("{id: [0-9a-fA-F-]{36}}")
    @RolesAllowed({Roles.CSR, Roles.ADMIN, Roles.INTEGRATION})
    @Produces(MediaType.APPLICATION_JSON)
    public CommunicationView get(@PathParam("id") String id) {
        return sends.get(id);
    }
}
