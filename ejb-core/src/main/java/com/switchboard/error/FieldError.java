package com.switchboard.error;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One field at fault in a request, by its JSON path (for example {@code recipients[0].address}). */
@Schema(
        description = "One field at fault",
        requiredProperties = {"field", "message"})
public record FieldError(String field, String message) {}
