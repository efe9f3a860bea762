package com.switchboard.rest.apikey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code PUT /communications/api-keys/{keyId}/read-all}. */
@Schema(description = "Whether the key reads and tracks every client's communications", requiredProperties = "readAll")
public record ReadAllGrant(
        @Schema(description = "true: every client's communications; false: only its own client's (the default)")
        Boolean readAll) {}
