package com.switchboard.rest.inapp;

import com.switchboard.channel.inapp.InboxPage;
import com.switchboard.channel.inapp.InboxService;
import com.switchboard.rest.Roles;
import com.switchboard.rest.document.DocumentResponses;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /communications/inapp}: the signed-in user's own inbox (staff too, for their own). The
 * caller's user name is the inbox; a note of anyone else is 404, never 403, so ids reveal nothing.
 * A note's attachments download through it ({@code {id}/attachments/{documentId}}) for its user only.
 */
@Path("/communications/inapp")
@Tag(name = "In-app inbox")
@SecurityRequirement(name = "basic")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({Roles.USER, Roles.CSR, Roles.ADMIN})
public class InboxResource {

    @Inject
    InboxService inbox;

    @Context
    SecurityContext security;

    /** One page of the inbox, newest first, with the cursor of the next page. */
    public record Page(List<InboxEntry> items, String next) {}

    public record UnreadCount(long unread) {}

    @GET
    @APIResponseSchema(Page.class)
    @Operation(operationId = "getInbox", summary = "One page of the caller's inbox, newest first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @Path("inbox")
    public Page inbox(@QueryParam("limit") Integer limit, @QueryParam("next") String next) {
        InboxPage page = inbox.page(caller(), limit, next);
        return new Page(page.notes().stream().map(InboxEntry::of).toList(), page.next());
    }

    @GET
    @APIResponseSchema(UnreadCount.class)
    @Operation(operationId = "getUnreadCount", summary = "How many of the caller's notes are unread")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @Path("unread-count")
    public UnreadCount unreadCount() {
        return new UnreadCount(inbox.unreadCount(caller()));
    }

    @POST
    @APIResponseSchema(InboxEntry.class)
    @Operation(operationId = "markNoteSeen", summary = "Mark a note seen")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Path("{id}/seen")
    public InboxEntry seen(@PathParam("id") String id) {
        return InboxEntry.of(inbox.seen(caller(), id));
    }

    @POST
    @APIResponseSchema(InboxEntry.class)
    @Operation(operationId = "markNoteRead", summary = "Mark a note read (its recipient becomes Delivered)")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Path("{id}/read")
    public InboxEntry read(@PathParam("id") String id) {
        return InboxEntry.of(inbox.read(caller(), id));
    }

    @POST
    @APIResponseSchema(InboxEntry.class)
    @Operation(operationId = "archiveNote", summary = "Archive a note")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Path("{id}/archive")
    public InboxEntry archive(@PathParam("id") String id) {
        return InboxEntry.of(inbox.archive(caller(), id));
    }

    @GET
    @Operation(operationId = "downloadNoteAttachment", summary = "Download a document a note of the caller's carries")
    @APIResponse(
            responseCode = "200",
            description = "The document, with its type and file name",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    @Path("{id}/attachments/{documentId}")
    @Produces(MediaType.WILDCARD)
    public Response attachment(@PathParam("id") String id, @PathParam("documentId") String documentId) {
        return DocumentResponses.attachment(inbox.attachment(caller(), id, documentId));
    }

    private String caller() {
        return security.getUserPrincipal().getName();
    }
}
