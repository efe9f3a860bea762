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

/** {@code GET /communications/channels}: the four channels, their provider and state. */
@Path("/communications/channels")
public class ChannelResource {

    @Inject
    ChannelCatalog catalog;

    @GET
    @RolesAllowed({Roles.CSR, Roles.ADMIN, Roles.INTEGRATION})
    @Produces(MediaType.APPLICATION_JSON)
    public List<ChannelStatus> channels() {
        return catalog.channels();
    }
}
