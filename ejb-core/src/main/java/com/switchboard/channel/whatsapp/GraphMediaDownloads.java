package com.switchboard.channel.whatsapp;

import com.switchboard.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Downloads a customer's WhatsApp media on demand, as the Cloud API has it done: the media id's
 * short-lived URL from Graph ({@link WhatsAppMediaClient}), then the bytes from that URL with the same
 * bearer token. The token only goes to a host in {@code whatsapp.media.hosts} (Meta's CDN), and at
 * most {@code whatsapp.media.max.bytes} are read; nothing is stored here.
 */
@ApplicationScoped
public class GraphMediaDownloads {

    /** A downloaded medium: its bytes and MIME type. */
    public record Media(byte[] bytes, String mimeType) {}

    @Inject
    WhatsAppMediaClient graph;

    @Inject
    @ConfigProperty(name = "whatsapp.api.version", defaultValue = "v21.0")
    String version;

    @Inject
    @ConfigProperty(name = "whatsapp.access.token", defaultValue = "")
    String accessToken;

    @Inject
    @ConfigProperty(name = "whatsapp.media.hosts", defaultValue = "lookaside.fbsbx.com")
    String hosts;

    @Inject
    @ConfigProperty(name = "whatsapp.media.max.bytes", defaultValue = "104857600")
    long maxBytes;

    @Inject
    @ConfigProperty(name = "whatsapp.read.timeout.ms", defaultValue = "10000")
    long readTimeoutMillis;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    /** The medium's bytes; not found when Graph no longer has it (media expire after 30 days). */
    public Media download(String mediaId) {
        WhatsAppMediaClient.MediaInfo info;
        try {
            info = graph.media(version, mediaId);
        } catch (GraphApiException e) {
            if (e.httpStatus() == 404
                    || e.httpStatus() == 400) { // Graph: 400 "Unsupported get request" for an unknown id
                throw new NotFoundException("WhatsApp media", mediaId);
            }
            throw e;
        }
        URI url = URI.create(info.url());
        if (!allowedHosts().contains(url.getHost())) {
            throw new IllegalStateException("Graph named a media host outside whatsapp.media.hosts: " + url.getHost());
        }
        if (info.file_size() != null && info.file_size() > maxBytes) {
            throw new IllegalStateException("media " + mediaId + " is larger than whatsapp.media.max.bytes");
        }
        try {
            HttpResponse<InputStream> r = http.send(
                    HttpRequest.newBuilder(url)
                            .timeout(Duration.ofMillis(readTimeoutMillis))
                            .header("Authorization", "Bearer " + accessToken)
                            .GET()
                            .build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            try (InputStream in = r.body()) {
                if (r.statusCode() == 404) {
                    throw new NotFoundException("WhatsApp media", mediaId);
                }
                if (r.statusCode() != 200) {
                    throw new IllegalStateException("media download answered " + r.statusCode());
                }
                byte[] bytes = in.readNBytes((int) Math.min(Integer.MAX_VALUE - 8, maxBytes + 1));
                if (bytes.length > maxBytes) {
                    throw new IllegalStateException("media " + mediaId + " is larger than whatsapp.media.max.bytes");
                }
                return new Media(bytes, info.mime_type() == null ? "application/octet-stream" : info.mime_type());
            }
        } catch (IOException e) {
            throw new IllegalStateException("media " + mediaId + " could not be downloaded: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while downloading media " + mediaId, e);
        }
    }

    private Set<String> allowedHosts() {
        return Arrays.stream(hosts.split(","))
                .map(String::trim)
                .filter(h -> !h.isEmpty())
                .collect(Collectors.toSet());
    }
}
