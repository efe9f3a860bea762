package com.switchboard.rest.apikey;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The body of {@code POST /communications/api-keys}: the integration client the key is for. */
@Schema(description = "The integration client a new API key is for", requiredProperties = "client")
public record NewApiKey(
        @Schema(
                description = "Client name: 1 to 63 of a-z 0-9 . _ -; the key signs in as api-key.<client>",
                example = "erp-system")
        String client) {}
