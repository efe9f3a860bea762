package com.switchboard.rest.consent;

import com.switchboard.preference.ConsentService;
import com.switchboard.rest.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponseSchema;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /communications/suppressions}: the addresses Switchboard will not send to (opt-outs,
 * STOP replies, hard bounces, complaints). Staff look one up with its history or list a channel's
 * newest; an admin lifts one with a reason (a bounce or complaint only with {@code confirm=true}).
 */
@Path("/communications/suppressions")
@Tag(name = "Consent")
@SecurityRequirement(name = "basic")
@Produces(MediaType.APPLICATION_JSON)
public class SuppressionResource {

    @Inject
    ConsentService consent;

    @GET
    @Operation(
            operationId = "getSuppressions",
            summary = "An address's suppression and its history, or a channel's newest suppressions",
            description =
                    "With address: whether it is suppressed, how, why, since when, and every suppression and lift. "
                            + "Without: the channel's suppressions, newest first, continued with next.")
    @APIResponse(
            responseCode = "200",
            description = "One address (with address) or a page",
            content =
                    @Content(
                            mediaType = MediaType.APPLICATION_JSON,
                            schema =
                                    @Schema(
                                            anyOf = {
                                                ConsentService.SuppressionView.class,
                                                ConsentService.SuppressionPage.class
                                            })))
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @RolesAllowed({Roles.CSR, Roles.ADMIN})
    public Object get(
            @QueryParam("channel") String channel,
            @QueryParam("address") String address,
            @QueryParam("limit") Integer limit,
            @QueryParam("next") String next) {
        return address == null ? consent.recent(channel, limit, next) : consent.find(channel, address);
    }

    @DELETE
    @APIResponseSchema(ConsentService.SuppressionView.class)
    @Operation(
            operationId = "liftSuppression",
            summary = "Lift a suppression, with the reason kept in its history",
            description =
                    "A hard bounce or complaint is lifted only with confirm=true (409 otherwise): sending there again "
                            + "can hurt the sender's reputation.")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    @APIResponse(responseCode = "401", ref = "Unauthorized")
    @APIResponse(responseCode = "403", ref = "Forbidden")
    @APIResponse(responseCode = "404", ref = "NotFound")
    @APIResponse(responseCode = "409", ref = "Conflict")
    @RolesAllowed(Roles.ADMIN)
    public ConsentService.SuppressionView lift(
            @QueryParam("channel") String channel,
            @QueryParam("address") String address,
            @QueryParam("reason") String reason,
            @QueryParam("confirm") boolean confirm,
            @Context SecurityContext security) {
        return consent.lift(
                channel, address, reason, confirm, security.getUserPrincipal().getName());
    }
}
