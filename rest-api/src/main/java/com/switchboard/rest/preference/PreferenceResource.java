package com.switchboard.rest.preference;

import com.switchboard.preference.PreferenceService;
import com.switchboard.preference.Preferences;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code GET|PUT /communications/preferences?stakeholderId=}: CSRs read anyone's, admins change
 * anyone's, a user reads and changes only their own (their user name is their stakeholder id).
 */
@Path("/communications/preferences")
@Tag(name = "Preferences")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
@Produces(MediaType.APPLICATION_JSON)
public class PreferenceResource {

    @Inject
    PreferenceService preferences;

    @GET
    @APIResponseSchema(Preferences.class)
    @Operation(summary = "A stakeholder's channel preferences (users: their own)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @RolesAllowed({Roles.CSR, Roles.ADMIN, Roles.INTEGRATION, Roles.USER})
    public Preferences get(@QueryParam("stakeholderId") String stakeholderId, @Context SecurityContext security) {
        requireOwnUnlessStaff(stakeholderId, security, Roles.CSR, Roles.ADMIN, Roles.INTEGRATION);
        return preferences.get(stakeholderId);
    }

    @PUT
    @APIResponseSchema(Preferences.class)
    @Operation(summary = "Replace a stakeholder's channel preferences (admins, or users for their own)")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RolesAllowed({Roles.ADMIN, Roles.USER})
    @Consumes(MediaType.APPLICATION_JSON)
    public Preferences put(@QueryParam("stakeholderId") String stakeholderId, Preferences body,
            @Context SecurityContext security) {
        requireOwnUnlessStaff(stakeholderId, security, Roles.ADMIN);
        return preferences.put(stakeholderId, body);
    }

    private static void requireOwnUnlessStaff(String stakeholderId, SecurityContext security, String... staffRoles) {
        for (String role : staffRoles) {
            if (security.isUserInRole(role)) {
                return;
            }
        }
        if (stakeholderId == null || !stakeholderId.equals(security.getUserPrincipal().getName())) {
            throw new ForbiddenException("a user may only see and change their own preferences");
        }
    }
}
