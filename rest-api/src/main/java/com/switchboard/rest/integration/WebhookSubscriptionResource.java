package com.switchboard.rest.integration;

import com.switchboard.integration.WebhookAttempt;
import com.switchboard.integration.WebhookRequest;
import com.switchboard.integration.WebhookService;
import com.switchboard.integration.WebhookSubscription;
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
 * {@code /communications/webhooks}: admins subscribe URLs to delivery events (the answer to the
 * creation is the only one carrying the signing secret), list, read and delete subscriptions,
 * enable one again after it was disabled, and read its recent delivery attempts.
 */
@Path("/communications/webhooks")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed(Roles.ADMIN)
public class WebhookSubscriptionResource {

    @Inject
    WebhookService webhooks;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response create(WebhookRequest request, @Context SecurityContext security, @Context UriInfo uri) {
        WebhookSubscription.View created = webhooks.create(request, security.getUserPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id()).build()).entity(created).build();
    }

    @GET
    public List<WebhookSubscription.View> list() {
        return webhooks.list();
    }

    @GET
    @Path("{id}")
    public WebhookSubscription.View get(@PathParam("id") String id) {
        return webhooks.get(id);
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") String id) {
        webhooks.delete(id);
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/enable")
    public WebhookSubscription.View enable(@PathParam("id") String id) {
        return webhooks.enable(id);
    }

    @GET
    @Path("{id}/deliveries")
    public List<WebhookAttempt> deliveries(@PathParam("id") String id) {
        return webhooks.deliveries(id);
    }
}
