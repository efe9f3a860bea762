package com.switchboard.rest.template;

import com.switchboard.rest.Roles;
import com.switchboard.template.TemplateService;
import com.switchboard.template.TemplateSummary;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/** {@code GET /communications/templates}: every template by name with its latest save, for admins and CSRs. */
@Path("/communications/templates")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
public class TemplateListResource {

    @Inject
    TemplateService templates;

    @Operation(operationId = "listTemplates", summary = "Every template with its latest version")
    @GET
    @RolesAllowed({Roles.ADMIN, Roles.CSR})
    public List<TemplateSummary> list() {
        return templates.list();
    }
}
