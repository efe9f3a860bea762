package com.switchboard.rest.consent;

import com.switchboard.error.InvalidRequestException;
import com.switchboard.preference.ConsentService;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code POST /unsubscribe?token=}: the one-click unsubscribe of a marketing email's
 * {@code List-Unsubscribe} header (RFC 8058; the mail client posts {@code List-Unsubscribe=One-Click}).
 * No login: the signed, expiring token is the authority, and it names one address.
 */
@Path("/unsubscribe")
@Tag(name = "Consent")
@SecurityRequirementsSet({}) // no login: a signature or signed token is the authority
public class UnsubscribeResource {

    @Inject
    ConsentService consent;

    @POST
    @Produces(MediaType.TEXT_PLAIN)
    @Operation(
            operationId = "unsubscribe",
            summary = "One-click unsubscribe from marketing (RFC 8058), authorised by the signed token")
    @APIResponse(
            responseCode = "200",
            description = "Unsubscribed from marketing on that channel; service messages still go")
    @APIResponse(responseCode = "400", ref = "BadRequest")
    public String unsubscribe(@QueryParam("token") String token) {
        return consent.unsubscribe(token)
                .map(t -> "Unsubscribed: no more marketing " + t.channel()
                        + " to this address. Service messages still arrive.\n")
                .orElseThrow(() ->
                        InvalidRequestException.invalid("token", "not an unsubscribe link we issued, or it expired"));
    }
}
