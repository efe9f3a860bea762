package com.switchboard.rest.document;

import com.switchboard.document.DocumentService;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET /documents/{id}?exp=&sig=}: the short-lived link SMS and WhatsApp recipients get. No
 * login: the signature ({@code documents.link.secret}) is the authority, for one document until
 * {@code exp}. A link we did not sign is 404; one past its time, or to a document past its
 * retention, 410.
 */
@Path("/documents")
@Tag(name = "Documents")
@SecurityRequirementsSet({}) // no login: a signature or signed token is the authority
public class DocumentResource {

    @Inject
    DocumentService documents;

    @GET
    @Path("{id}")
    @Operation(operationId = "downloadDocument", summary = "Download a document by its signed, expiring link")
    @APIResponse(
            responseCode = "200",
            description = "The document, with its type and file name",
            content =
                    @Content(
                            mediaType = "application/octet-stream",
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "410", ref = "Gone")
    public Response download(@PathParam("id") String id, @QueryParam("exp") String exp, @QueryParam("sig") String sig) {
        return DocumentResponses.attachment(documents.downloadByLink(id, exp, sig));
    }
}
