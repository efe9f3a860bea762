package com.switchboard.rest.webhook;

import com.switchboard.channel.whatsapp.WebhookSignature;
import com.switchboard.channel.whatsapp.WhatsAppWebhookService;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /webhooks/whatsapp}, called by Meta: {@code GET} is the subscription handshake,
 * {@code POST} a notification. No role guards it; it authenticates by the verify token and by the
 * HMAC signature over the raw body, checked before anything is parsed; a signed body older than
 * Meta's retry period is refused as a replay.
 */
@Path("/webhooks/whatsapp")
@Tag(name = "Webhooks")
@SecurityRequirementsSet({}) // no login: a signature or signed token is the authority
public class WhatsAppWebhook {

    @Inject
    WebhookSignature signature;

    @Inject
    WhatsAppWebhookService service;

    @GET
    @Operation(operationId = "verifyWhatsAppWebhook", summary = "Meta's subscription handshake (verify token)")
    @Produces(MediaType.TEXT_PLAIN)
    public String verify(
            @QueryParam("hub.mode") String mode,
            @QueryParam("hub.verify_token") String token,
            @QueryParam("hub.challenge") String challenge) {
        return service.handshake(mode, token, challenge)
                .orElseThrow(
                        () -> new ForbiddenException("hub.mode must be subscribe and hub.verify_token must match"));
    }

    @POST
    @Operation(
            operationId = "receiveWhatsAppNotification",
            summary = "WhatsApp notifications (authenticated by X-Hub-Signature-256)")
    @Consumes(MediaType.WILDCARD)
    public Response notification(byte[] rawBody, @HeaderParam("X-Hub-Signature-256") String hubSignature) {
        if (!signature.verify(rawBody, hubSignature)) {
            throw new ForbiddenException("X-Hub-Signature-256 is missing or does not sign this body");
        }
        if (!service.receive(rawBody)) {
            throw new ForbiddenException("the notification is older than the replay window");
        }
        return Response.ok().build();
    }
}
