package com.switchboard.rest.channel;

import com.switchboard.channel.ChannelCatalog;
import com.switchboard.channel.ChannelStatus;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code GET /communications/channels}: the four channels, their provider and state. */
@Path("/communications/channels")
@Tag(name = "Channels")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
public class ChannelResource {

    @Inject
    ChannelCatalog catalog;

    @GET
    @APIResponseSchema(ChannelStatus[].class)
    @Operation(
            operationId = "listChannels",
            summary =
                    "The channels, their provider and its state, and each one's daily spend budget (budget.daily.<Channel>)")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RolesAllowed({Roles.CSR, Roles.ADMIN, Roles.INTEGRATION})
    @Produces(MediaType.APPLICATION_JSON)
    public List<ChannelStatus> channels() {
        return catalog.overview();
    }
}
