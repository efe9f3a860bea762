package com.switchboard.rest.apikey;

import com.switchboard.apikey.ApiKeyService;
import com.switchboard.apikey.ApiKeyView;
import com.switchboard.apikey.IssuedApiKey;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /communications/api-keys}: administrators issue API keys to integration clients (the key
 * is in the 201 answer and nowhere else, ever), list them without their text, and revoke them.
 * To rotate, issue a second key for the same client, switch the client over, revoke the first.
 */
@Path("/communications/api-keys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@Tag(name = "API keys")
@SecurityRequirement(name = "basic")
public class ApiKeyResource {

    @Inject
    ApiKeyService apiKeys;

    @Context
    SecurityContext security;

    @POST
    @Operation(
            operationId = "createApiKey",
            summary = "Issue an API key to an integration client",
            description =
                    "The key is in this answer only; "
                            + "Switchboard keeps its SHA-256. Issue a second key for the same client to rotate, then revoke the first.")
    @APIResponse(
            responseCode = "201",
            description = "The new key, shown once",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = IssuedApiKey.class),
                            examples =
                                    @ExampleObject(
                                            name = "issued",
                                            value =
                                                    "{\"keyId\":\"0b5c…\",\"client\":\"erp-system\",\"prefix\":\"sbk_q3Vn0xYz\","
                                                            + "\"createdAt\":\"2026-06-01T09:00:00Z\",\"key\":\"sbk_q3Vn0xYz…\"}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(NewApiKey request, @Context UriInfo uri) {
        IssuedApiKey issued = apiKeys.create(request == null ? null : request.client(), caller());
        return Response.created(
                        uri.getAbsolutePathBuilder().path(issued.keyId()).build())
                .header("Cache-Control", "no-store")
                .entity(issued)
                .build();
    }

    @GET
    @APIResponseSchema(ApiKeyView[].class)
    @Operation(
            operationId = "listApiKeys",
            summary = "Every key with its client, prefix, creation, last use and revocation; never the key")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    public List<ApiKeyView> list() {
        return apiKeys.list();
    }

    @DELETE
    @APIResponseSchema(ApiKeyView.class)
    @Operation(operationId = "revokeApiKey", summary = "Revoke a key at once")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Path("{keyId}")
    public ApiKeyView revoke(@PathParam("keyId") String keyId) {
        return apiKeys.revoke(keyId, caller());
    }

    @PUT
    @APIResponseSchema(ApiKeyView.class)
    @Operation(
            operationId = "setApiKeyReadAll",
            summary = "Let a key read and track every client's communications, or only its own client's again",
            description =
                    "A key reads only what its own client created unless granted read-all; the change applies to its next request.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Path("{keyId}/read-all")
    @Consumes(MediaType.APPLICATION_JSON)
    public ApiKeyView readAll(@PathParam("keyId") String keyId, ReadAllGrant grant) {
        if (grant == null || grant.readAll() == null) {
            throw InvalidRequestException.invalid("readAll", "true or false is required");
        }
        return apiKeys.setReadAll(keyId, grant.readAll(), caller());
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
