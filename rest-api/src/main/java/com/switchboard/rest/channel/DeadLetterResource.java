package com.switchboard.rest.channel;

import com.switchboard.error.InvalidRequestException;
import com.switchboard.queue.DeadLetter;
import com.switchboard.queue.JmsDeadLetterQueue;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

/**
 * {@code GET /communications/dead-letters?limit=}: for admins, the delivery tickets parked on the
 * dead-letter queue after their last allowed delivery failed, oldest first, each with its reason.
 */
@Path("/communications/dead-letters")
@SecurityRequirement(name = "basic")
public class DeadLetterResource {
    private static final int MAX_LIMIT = 500;

    @Inject
    JmsDeadLetterQueue deadLetters;

    @Operation(operationId = "listDeadLetters", summary = "Tickets parked on the dead-letter queue, with their reason")
    @GET
    @RolesAllowed(Roles.ADMIN)
    @Produces(MediaType.APPLICATION_JSON)
    public List<DeadLetter> list(@QueryParam("limit") Integer limit) {
        if (limit != null && (limit < 1 || limit > MAX_LIMIT)) {
            throw InvalidRequestException.invalid("limit", "between 1 and " + MAX_LIMIT);
        }
        return deadLetters.browse(limit == null ? 100 : limit);
    }
}
