package com.switchboard.rest.preference;

import com.switchboard.preference.StakeholderMatch;
import com.switchboard.preference.StakeholderProfile;
import com.switchboard.preference.StakeholderProfileService;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * Who a stakeholder is and how staff find them: {@code GET|PUT /communications/preferences/profile?stakeholderId=}
 * (staff read, admins change) and {@code GET /communications/preferences/search?q=} (CSRs and admins),
 * which matches the start of name words, vehicle registrations and customer numbers.
 */
@Path("/communications/preferences")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
public class StakeholderProfileResource {

    @Inject
    StakeholderProfileService profiles;

    @Operation(
            operationId = "getStakeholderProfile",
            summary = "A stakeholder's profile (name, vehicles, customer number)")
    @GET
    @Path("profile")
    @RolesAllowed({Roles.CSR, Roles.ADMIN, Roles.INTEGRATION})
    public StakeholderProfile get(@QueryParam("stakeholderId") String stakeholderId) {
        return profiles.get(stakeholderId);
    }

    @Operation(operationId = "putStakeholderProfile", summary = "Save a stakeholder's profile")
    @PUT
    @Path("profile")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    public StakeholderProfile put(@QueryParam("stakeholderId") String stakeholderId, StakeholderProfile body) {
        return profiles.put(stakeholderId, body);
    }

    @Operation(
            operationId = "searchStakeholders",
            summary = "Find stakeholders by name, registration or customer number")
    @GET
    @Path("search")
    @RolesAllowed({Roles.CSR, Roles.ADMIN})
    public List<StakeholderMatch> search(@QueryParam("q") String q) {
        return profiles.search(q);
    }
}
