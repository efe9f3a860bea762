package com.switchboard.channel.whatsapp;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.rest.client.annotation.RegisterProvider;

/**
 * The Graph API's media endpoint ({@code GET /{version}/{media-id}}) as a MicroProfile Rest Client:
 * where a customer's media can be downloaded for a few minutes, its type and size. Built like
 * {@link WhatsAppClient}, with the same token and error mapping.
 */
@Path("/{version}/{mediaId}")
@RegisterProvider(GraphApiErrorMapper.class)
public interface WhatsAppMediaClient {

    /** What Graph says of a media id: a short-lived download URL, the MIME type and the size in bytes. */
    record MediaInfo(String url, String mime_type, String sha256, Long file_size, String id) {}

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    MediaInfo media(@PathParam("version") String version, @PathParam("mediaId") String mediaId);
}
