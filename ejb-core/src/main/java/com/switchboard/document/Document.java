package com.switchboard.document;

import java.time.Instant;

/**
 * An uploaded document's metadata, as {@code POST /communications/attachments} answers it:
 * {@code expiresAt} is the end of its retention ({@code documents.retention.days} after upload),
 * after which it can no longer be attached or downloaded.
 */
public record Document(
        String id,
        String filename,
        String contentType,
        long size,
        String sha256,
        String createdBy,
        Instant createdAt,
        Instant expiresAt) {

    public DocumentRef ref() {
        return new DocumentRef(id, filename, contentType, size);
    }

    /** Whether its retention is over at {@code now}. */
    public boolean expired(Instant now) {
        return !now.isBefore(expiresAt);
    }
}
