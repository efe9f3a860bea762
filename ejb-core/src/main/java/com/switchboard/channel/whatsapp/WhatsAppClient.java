package com.switchboard.channel.whatsapp;

import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The WhatsApp Business Cloud API (Graph API) messages endpoint as a MicroProfile Rest Client.
 * One instance per server is built by {@link WhatsAppClientProducer}; Graph error answers arrive as
 * {@link GraphApiException} through {@link GraphApiErrorMapper}.
 */
@Path("/{version}/{phoneNumberId}/messages")
@RegisterProvider(GraphApiErrorMapper.class)
public interface WhatsAppClient {

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    SendMessageResponse send(
            @PathParam("version") String version,
            @PathParam("phoneNumberId") String phoneNumberId,
            SendMessageRequest request);
}
