package com.switchboard.rest.guard;

import com.switchboard.error.InvalidRequestException;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Guards every request body of the API and the webhooks before any resource or JSON binding sees
 * it. Size: at most {@code request.max.bytes} ({@code webhook.max.bytes} on {@code /webhooks/*},
 * {@code attachment.max.bytes} on the document upload {@code /communications/attachments}); a declared Content-Length over the limit is refused
 * at once, and a body without one (chunked) is read at most one byte past the limit, either way
 * 413 problem+json. The largest legitimate body, a fan-out send of 10,000 recipients, is about
 * 1 MB. Syntax: a JSON body must be well-formed ({@link JsonSyntax}), else 400 naming the body.
 * A body that passes is handed on from memory.
 */
@Provider
@PreMatching
@Priority(Priorities.AUTHENTICATION - 100)
@ApplicationScoped
public class RequestBodyGuard implements ContainerRequestFilter {
    /** How much of an over-long chunked body is drained so the client still reads the 413. */
    private static final int DRAIN_FACTOR = 4;
    /** The upload path of documents (its limit is {@code attachment.max.bytes}). */
    private static final String ATTACHMENTS = "communications/attachments";

    @Inject
    @ConfigProperty(name = "request.max.bytes", defaultValue = "2097152")
    long requestMaxBytes;

    /** SNS's own limit is 256 KB and Meta's notifications are smaller: nothing larger is read before its signature is checked. */
    @Inject
    @ConfigProperty(name = "webhook.max.bytes", defaultValue = "262144")
    long webhookMaxBytes;

    /** Uploaded documents have their own limit, checked here before the body is read whole. */
    @Inject
    @ConfigProperty(name = "attachment.max.bytes", defaultValue = "5242880")
    long attachmentMaxBytes;

    @Override
    public void filter(ContainerRequestContext request) throws IOException {
        if (!request.hasEntity()) {
            return;
        }
        String path = request.getUriInfo().getPath();
        long maxBytes = path.startsWith("webhooks/") || path.startsWith("/webhooks/")
                ? webhookMaxBytes
                : path.replaceFirst("^/", "").equals(ATTACHMENTS) ? attachmentMaxBytes : requestMaxBytes;
        int declared = request.getLength();
        if (declared > maxBytes) {
            throw new RequestTooLargeException(maxBytes, declared);
        }
        InputStream in = request.getEntityStream();
        ByteArrayOutputStream body = new ByteArrayOutputStream((int) Math.min(Math.max(declared, 1024), maxBytes));
        if (copyAtMost(in, body, maxBytes + 1) > maxBytes) {
            drain(in, maxBytes * DRAIN_FACTOR);
            throw new RequestTooLargeException(maxBytes, -1);
        }
        byte[] bytes = body.toByteArray();
        if (bytes.length > 0 && isJson(request.getMediaType())) {
            JsonSyntax.problem(new String(bytes, StandardCharsets.UTF_8)).ifPresent(p -> {
                throw InvalidRequestException.invalid("body", "not well-formed JSON: " + p);
            });
        }
        request.setEntityStream(new ByteArrayInputStream(bytes));
    }

    private static boolean isJson(MediaType type) {
        return type != null
                && ("json".equals(type.getSubtype()) || type.getSubtype().endsWith("+json"));
    }

    private static long copyAtMost(InputStream in, ByteArrayOutputStream out, long limit) throws IOException {
        byte[] buffer = new byte[8192];
        long total = 0;
        int n;
        while (total < limit && (n = in.read(buffer, 0, (int) Math.min(buffer.length, limit - total))) >= 0) {
            out.write(buffer, 0, n);
            total += n;
        }
        return total;
    }

    private static void drain(InputStream in, long limit) throws IOException {
        long skipped = 0;
        byte[] buffer = new byte[8192];
        int n;
        while (skipped < limit && (n = in.read(buffer)) >= 0) {
            skipped += n;
        }
    }
}
