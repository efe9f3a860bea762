package com.switchboard.rest.document;

import com.switchboard.document.Document;
import com.switchboard.document.DocumentService;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /communications/attachments}: uploads one document (the raw bytes as the body, its
 * type in {@code Content-Type}, its name in {@code ?filename=} or {@code Content-Disposition}),
 * answered 201 with the id a send names in {@code attachments}. The body's own limit is
 * {@code attachment.max.bytes} (413, checked by the request guard before it is read whole).
 */
@Path("/communications/attachments")
@Tag(name = "Documents")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
public class AttachmentResource {
    private static final Pattern DISPOSITION_NAME = Pattern.compile("filename\\s*=\\s*\"?([^\";]*)\"?");

    @Inject
    DocumentService documents;

    /** What an upload answers. */
    @Schema(name = "Attachment", description = "An uploaded document, to name in a send's attachments")
    public record Uploaded(String id, String filename, String contentType, long size, String sha256, String expiresAt) {
        static Uploaded of(Document d) {
            return new Uploaded(
                    d.id(),
                    d.filename(),
                    d.contentType(),
                    d.size(),
                    d.sha256(),
                    d.expiresAt().toString());
        }
    }

    @POST
    @Operation(
            operationId = "uploadAttachment",
            summary = "Upload a document (PDF, PNG or JPEG) to attach to sends",
            description = "The body is the file itself. Its type is recognised from its bytes and must agree with "
                    + "Content-Type. Roles csr, admin and integration.")
    @APIResponse(
            responseCode = "201",
            description = "Stored; name its id in a send's attachments",
            content =
                    @Content(mediaType = MediaType.APPLICATION_JSON, schema = @Schema(implementation = Uploaded.class)))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "413", ref = "TooLarge")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @RolesAllowed({Roles.CSR, Roles.ADMIN, Roles.INTEGRATION})
    @Consumes(MediaType.WILDCARD)
    @Produces(MediaType.APPLICATION_JSON)
    public Response upload(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = "application/pdf",
                                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
                    byte[] body,
            @Parameter(description = "The name the recipient sees, e.g. invoice-4711.pdf") @QueryParam("filename")
                    String filename,
            @HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType,
            @HeaderParam("Content-Disposition") String disposition,
            @Context SecurityContext security) {
        Document d = documents.upload(
                body,
                contentType,
                filename != null ? filename : nameIn(disposition),
                security.getUserPrincipal().getName(),
                "body");
        return Response.status(Response.Status.CREATED).entity(Uploaded.of(d)).build();
    }

    private static String nameIn(String disposition) {
        if (disposition == null) {
            return null;
        }
        Matcher m = DISPOSITION_NAME.matcher(disposition);
        return m.find() ? m.group(1) : null;
    }
}
