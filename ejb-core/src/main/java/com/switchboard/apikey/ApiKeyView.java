package com.switchboard.apikey;

/**
 * An API key as an administrator sees it: who it is for and when it was made, used and revoked,
 * with its first characters to tell keys apart, and whether it reads every client's communications
 * ({@code readAll}, granted by an administrator; otherwise only its own client's). Never the key
 * itself, which is not stored.
 */
public record ApiKeyView(
        String keyId,
        String client,
        String prefix,
        String createdAt,
        String createdBy,
        String lastUsedAt,
        String revokedAt,
        String revokedBy,
        boolean readAll) {

    public boolean active() {
        return revokedAt == null;
    }
}
