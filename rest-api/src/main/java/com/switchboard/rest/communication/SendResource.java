package com.switchboard.rest.communication;

import com.switchboard.communication.SendRequest;
import com.switchboard.communication.send.SendAccepted;
import com.switchboard.communication.send.SendService;
import com.switchboard.rest.Roles;
import com.switchboard.rest.security.ReadScopes;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.ParameterIn;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.ExampleObject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/** {@code POST /communications/send}: accepts a communication for delivery and answers 202 at once. */
@Path("/communications/send")
@Tag(name = "Send")
@SecurityRequirement(name = "basic")
@SecurityRequirement(name = "apiKey")
public class SendResource {

    static final String SEND_EMAIL =
            "{\"message\":{\"subject\":\"Your service is due\",\"content\":\"Hello Ann, your car is due on 2 June.\"},"
                    + "\"recipients\":[{\"channel\":\"Email\",\"address\":\"ann@example.com\"}]}";
    static final String SEND_TEMPLATE =
            "{\"customerId\":\"C-1001\",\"vehicleId\":\"V-42\",\"stakeholderIds\":[\"C-1001\"],"
                    + "\"message\":{\"templateId\":\"service-reminder\",\"locale\":\"en\",\"variables\":{\"name\":\"Ann\",\"date\":\"2 June\"}},"
                    + "\"urgency\":\"normal\",\"fallback\":[\"SMS\"],\"escalateAfter\":\"PT4H\"}";

    @Inject
    SendService sends;

    @POST
    @Operation(
            operationId = "send",
            summary = "Send a communication",
            description =
                    "Validates, plans the recipients (explicit addresses or stakeholders' preferences), "
                            + "stores the communication and queues one delivery per recipient; answers 202 at once. Roles csr and integration.")
    @APIResponse(
            responseCode = "202",
            description = "Accepted; Location is the communication to track",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema = @Schema(implementation = SendAccepted.class),
                            examples =
                                    @ExampleObject(
                                            name = "accepted",
                                            value =
                                                    "{\"communicationId\":\"7d0f8c9e-3b1a-4c5e-9a51-2f8d6c0b4e11\",\"replay\":false,\"status\":\"Sent\"}")))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "422", ref = "Unprocessable")
    @RolesAllowed({Roles.CSR, Roles.INTEGRATION})
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response send(
            @RequestBody(
                            required = true,
                            content =
                                    @Content(
                                            mediaType = MediaType.APPLICATION_JSON,
                                            schema = @Schema(implementation = SendRequest.class),
                                            examples = {
                                                @ExampleObject(
                                                        name = "email",
                                                        summary = "One email to an explicit address",
                                                        value = SEND_EMAIL),
                                                @ExampleObject(
                                                        name = "template",
                                                        summary = "A template to a customer's preferred channel",
                                                        value = SEND_TEMPLATE)
                                            }))
                    SendRequest request,
            @Parameter(
                            in = ParameterIn.HEADER,
                            description = "Repeat a request safely: the same key and body return the first id")
                    @HeaderParam("Idempotency-Key")
                    String idempotencyKey,
            @Context SecurityContext security,
            @Context HttpServletRequest http,
            @Context UriInfo uri) {
        SendAccepted accepted = sends.send(
                request, idempotencyKey, security.getUserPrincipal().getName(), ReadScopes.of(security, http));
        return Response.accepted(accepted)
                .location(uri.getBaseUriBuilder()
                        .path("communications")
                        .path(accepted.communicationId())
                        .build())
                .build();
    }
}
