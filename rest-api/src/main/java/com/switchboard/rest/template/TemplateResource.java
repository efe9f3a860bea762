package com.switchboard.rest.template;

import com.switchboard.rest.Roles;
import com.switchboard.rest.problem.ProblemDetail;
import com.switchboard.template.Template;
import com.switchboard.template.TemplateService;
import com.switchboard.template.TemplateService.TemplateDraft;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
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
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /communications/templates/{name}}: admins save (each save a new version), read and delete
 * templates; CSRs may read them to compose.
 */
@Path("/communications/templates/{name}")
@Tag(name = "Templates")
@SecurityRequirement(name = "basic")
@Produces(MediaType.APPLICATION_JSON)
public class TemplateResource {

    @Inject
    TemplateService templates;

    @GET
    @APIResponseSchema(Template.class)
    @Operation(operationId = "getTemplate", summary = "A template's latest (or given) version")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @RolesAllowed({Roles.ADMIN, Roles.CSR})
    public Template get(
            @PathParam("name") String name,
            @QueryParam("locale") String locale,
            @QueryParam("version") Integer version) {
        return version == null ? templates.latest(name, locale) : templates.version(name, locale, version);
    }

    @GET
    @APIResponseSchema(Template[].class)
    @Operation(operationId = "listTemplateVersions", summary = "Every version of a template")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @Path("versions")
    @RolesAllowed({Roles.ADMIN, Roles.CSR})
    public List<Template> versions(@PathParam("name") String name) {
        return templates.versions(name);
    }

    @PUT
    @APIResponseSchema(Template.class)
    @Operation(operationId = "putTemplate", summary = "Save a template as its next version")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public Response put(@PathParam("name") String name, TemplateDraft draft, @Context SecurityContext security) {
        Template saved = templates.save(name, draft, security.getUserPrincipal().getName());
        return Response.ok(saved).build();
    }

    @DELETE
    @APIResponse(responseCode = "204", description = "Deleted")
    @Operation(operationId = "deleteTemplate", summary = "Delete a template with all its versions")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @RolesAllowed(Roles.ADMIN)
    // no body on success: a client may ask for the problem document its errors come as
    @Produces({MediaType.APPLICATION_JSON, ProblemDetail.MEDIA_TYPE})
    public Response delete(@PathParam("name") String name) {
        templates.delete(name);
        return Response.noContent().build();
    }
}
