package com.switchboard.error;

/** One field at fault in a request, by its JSON path (for example {@code recipients[0].address}). */
public record FieldError(String field, String message) {
}
