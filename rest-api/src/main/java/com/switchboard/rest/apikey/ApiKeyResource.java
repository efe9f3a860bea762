package com.switchboard.rest.apikey;

import com.switchboard.apikey.ApiKeyService;
import com.switchboard.apikey.ApiKeyView;
import com.switchboard.apikey.IssuedApiKey;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/**
 * {@code /communications/api-keys}: administrators issue API keys to integration clients (the key
 * is in the 201 answer and nowhere else, ever), list them without their text, and revoke them.
 * To rotate, issue a second key for the same client, switch the client over, revoke the first.
 */
@Path("/communications/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class ApiKeyResource {

    @Inject
    ApiKeyService apiKeys;

    @Context
    SecurityContext security;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewApiKey request, @Context UriInfo uri) {
        IssuedApiKey issued = apiKeys.create(request == null ? null : request.client(), caller());
        return Response.created(uri.getAbsolutePathBuilder().path(issued.keyId()).build())
                .header("Cache-Control", "no-store")
                .entity(issued)
                .build();
    }

    @GET
    public List<ApiKeyView> list() {
        return apiKeys.list();
    }

    @DELETE
    @Path("{keyId}")
    public ApiKeyView revoke(@PathParam("keyId") String keyId) {
        return apiKeys.revoke(keyId, caller());
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
