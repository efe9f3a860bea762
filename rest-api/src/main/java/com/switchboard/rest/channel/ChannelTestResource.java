package com.switchboard.rest.channel;

import com.switchboard.delivery.ChannelTester;
import com.switchboard.delivery.ChannelTester.TestRequest;
import com.switchboard.delivery.ChannelTester.TestResult;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /communications/test}: an admin sends one test message on one channel to one address
 * and gets the provider's own answer (its message id, or its error). Always 200 when the provider
 * was asked; {@code accepted} says what it answered.
 */
@Path("/communications/test")
@Tag(name = "Channels")
@SecurityRequirement(name = "basic")
public class ChannelTestResource {

    @Inject
    ChannelTester tester;

    @POST
    @APIResponseSchema(TestResult.class)
    @Operation(
            operationId = "testChannel",
            summary = "Send one test message through a provider and return its own answer")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @RolesAllowed(Roles.ADMIN)
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public TestResult test(TestRequest request) {
        return tester.test(request);
    }
}
