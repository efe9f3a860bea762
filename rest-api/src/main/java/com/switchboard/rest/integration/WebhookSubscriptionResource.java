package com.switchboard.rest.integration;

import com.switchboard.integration.WebhookAttempt;
import com.switchboard.integration.WebhookRequest;
import com.switchboard.integration.WebhookService;
import com.switchboard.integration.WebhookSubscription;
import com.switchboard.rest.Roles;
import com.switchboard.rest.problem.ProblemDetail;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponses;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /communications/webhooks}: admins subscribe URLs to delivery events (the answer to the
 * creation is the only one carrying the signing secret), list, read and delete subscriptions,
 * enable one again after it was disabled, and read its recent delivery attempts.
 */
@Path("/communications/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
@SecurityRequirement(name = "basic")
@Tag(name = "Event webhooks")
public class WebhookSubscriptionResource {

    @Inject
    WebhookService webhooks;

    @Context
    SecurityContext security;

    @POST
    @Operation(
            operationId = "createWebhook",
            summary = "Subscribe an endpoint to delivery events (its signing secret is shown once)")
    @APIResponses({
        @APIResponse(
                responseCode = "201",
                description = "The subscription with its signing secret, shown this once",
                content =
                        @Content(
                                mediaType = MediaType.APPLICATION_JSON,
                                schema = @Schema(implementation = WebhookSubscription.View.class))),
        @APIResponse(responseCode = "400", ref = "BadRequest"),
        @APIResponse(responseCode = "401", ref = "Unauthorized"),
        @APIResponse(responseCode = "403", ref = "Forbidden")
    })
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(WebhookRequest request, @Context UriInfo uri) {
        WebhookSubscription.View created =
                webhooks.create(request, security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build())
                .entity(created)
                .build();
    }

    @Operation(operationId = "listWebhooks", summary = "Every webhook subscription")
    @GET
    public List<WebhookSubscription.View> list() {
        return webhooks.list();
    }

    @Operation(operationId = "getWebhook", summary = "One webhook subscription")
    @GET
    @Path("{id}")
    public WebhookSubscription.View get(@PathParam("id") String id) {
        return webhooks.get(id);
    }

    @Operation(operationId = "deleteWebhook", summary = "Remove a webhook subscription")
    @APIResponse(responseCode = "204", description = "Removed")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @DELETE
    @Path("{id}")
    // no body on success: a client may ask for the problem document its errors come as
    @Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @Operation(operationId = "disableWebhook", summary = "Stop deliveries to a subscription until it is enabled again")
    @POST
    @Path("{id}/disable")
    public WebhookSubscription.View disable(@PathParam("id") String id) {
        return webhooks.disable(id);
    }

    @Operation(operationId = "enableWebhook", summary = "Enable a subscription disabled after repeated failures")
    @POST
    @Path("{id}/enable")
    public WebhookSubscription.View enable(@PathParam("id") String id) {
        return webhooks.enable(id);
    }

    @Operation(operationId = "listWebhookDeliveries", summary = "A subscription's recent delivery attempts")
    @GET
    @Path("{id}/deliveries")
    public List<WebhookAttempt> deliveries(@PathParam("id") String id) {
        return webhooks.deliveries(id);
    }
}
