package com.switchboard.rest.conversation;

import com.switchboard.channel.whatsapp.GraphMediaDownloads;
import com.switchboard.conversation.ConversationService;
import com.switchboard.conversation.ConversationService.ReplyAccepted;
import com.switchboard.conversation.ConversationService.ThreadView;
import com.switchboard.conversation.DynamoConversationStore.ThreadPage;
import com.switchboard.conversation.ThreadMessage;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
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
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /communications/conversations}: customers' SMS and WhatsApp messages and our replies, a
 * thread per channel and number. CSRs and administrators read them; CSRs reply. A reply is a
 * normal communication (tracked at {@code /communications/{id}}); on WhatsApp free text is refused
 * with 422 once the customer's 24-hour window has closed.
 */
@Path("/communications")
@Tag(name = "Conversations")
@SecurityRequirement(name = "basic")
public class ConversationResource {
    @Inject
    ConversationService conversations;

    @Inject
    GraphMediaDownloads downloads;

    @Context
    SecurityContext security;

    @GET
    @Path("conversations")
    @APIResponseSchema(ThreadPage.class)
    @Operation(
            operationId = "listConversations",
            summary = "Conversations, unread first, newest first, a page at a time (next: the cursor of the next page)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RolesAllowed({Roles.CSR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    public ThreadPage list(
            @Parameter(description = "only threads with unread customer messages") @QueryParam("unread")
                    boolean unreadOnly,
            @Parameter(description = "1 to 100, 25 by default") @QueryParam("limit") Integer limit,
            @Parameter(description = "the previous page's next") @QueryParam("next") String next) {
        return conversations.threads(unreadOnly, next, limit);
    }

    @GET
    @Path("conversations/{threadId: (sms|whatsapp)-[0-9]{7,15}}")
    @APIResponseSchema(ThreadView.class)
    @Operation(
            operationId = "getConversation",
            summary = "A conversation: who it is with, the WhatsApp window, and its latest messages oldest first")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @RolesAllowed({Roles.CSR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    public ThreadView get(
            @PathParam("threadId") String threadId,
            @Parameter(description = "1 to 100, 25 by default") @QueryParam("limit") Integer limit,
            @Parameter(description = "the cursor of older messages (the previous answer's before)")
                    @QueryParam("before")
                    String before) {
        return conversations.thread(threadId, before, limit);
    }

    @POST
    @Path("conversations/{threadId: (sms|whatsapp)-[0-9]{7,15}}/read")
    @Operation(operationId = "markConversationRead", summary = "Mark a conversation read")
    @APIResponse(responseCode = "204", description = "read")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @RolesAllowed({Roles.CSR, Roles.ADMIN})
    public Response markRead(@PathParam("threadId") String threadId) {
        conversations.markRead(threadId);
        return Response.noContent().build();
    }

    @GET
    @Path("conversations/{threadId: (sms|whatsapp)-[0-9]{7,15}}/messages/{messageId}/media")
    @Operation(
            operationId = "downloadConversationMedia",
            summary = "The file or picture a customer's WhatsApp message carried, downloaded from the Graph API now")
    @APIResponse(responseCode = "200", description = "the media's bytes, with its type")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @RolesAllowed({Roles.CSR, Roles.ADMIN})
    @Produces(MediaType.WILDCARD)
    public Response media(@PathParam("threadId") String threadId, @PathParam("messageId") String messageId) {
        ThreadMessage.Media media = conversations.media(threadId, messageId);
        GraphMediaDownloads.Media bytes = downloads.download(media.mediaId());
        String name = media.filename() == null ? media.type() : media.filename().replaceAll("[\\r\\n\"\\\\]", "_");
        return Response.ok(bytes.bytes(), bytes.mimeType())
                .header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .header("X-Content-Type-Options", "nosniff")
                .build();
    }

    /** A CSR's answer: text only; {@code windowClosesAt} says until when WhatsApp takes free text. */
    public record Reply(String text) {}

    @POST
    @Path("conversations/{threadId: (sms|whatsapp)-[0-9]{7,15}}/replies")
    @APIResponse(
            responseCode = "202",
            description = "accepted: a communication to the thread's number",
            content =
                    @org.eclipse.microprofile.openapi.annotations.media.Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @org.eclipse.microprofile.openapi.annotations.media.Schema(
                                            implementation = ReplyAccepted.class)))
    @Operation(
            operationId = "replyToConversation",
            summary = "Reply with free text (WhatsApp: only within 24 hours of the customer's last message)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @RolesAllowed({Roles.CSR})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response reply(
            @PathParam("threadId") String threadId,
            Reply reply,
            @Parameter(description = "Repeat a request safely: the same key and body return the first id")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey) {
        ReplyAccepted accepted = conversations.reply(
                threadId,
                reply == null ? null : reply.text(),
                idempotencyKey,
                security.getUserPrincipal().getName());
        return Response.accepted(accepted).build();
    }

    @GET
    @Path("{id: [0-9a-fA-F-]{36}}/replies")
    @Operation(
            operationId = "getCommunicationReplies",
            summary = "The customers' messages that answer a communication (our last message to their number)")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RolesAllowed({Roles.CSR, Roles.ADMIN})
    @Produces(MediaType.APPLICATION_JSON)
    public List<ThreadMessage> replies(@PathParam("id") String communicationId) {
        return conversations.replies(communicationId);
    }
}
