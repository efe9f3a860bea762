package com.switchboard.apikey;

/**
 * A key just created: the only time {@code key} is ever shown. The client keeps it; Switchboard
 * keeps only its SHA-256 hash.
 */
public record IssuedApiKey(String keyId, String client, String prefix, String createdAt, String key) {}
