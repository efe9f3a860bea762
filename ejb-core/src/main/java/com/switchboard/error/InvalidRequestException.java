package com.switchboard.error;

import java.util.List;

/**
 * A request that cannot be carried out as given. {@code status} is 400 for a malformed value and
 * 422 for a well-formed one that refers to something unknown or unavailable.
 */
public class InvalidRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final int status;
    private final transient List<FieldError> errors;

    public InvalidRequestException(int status, List<FieldError> errors) {
        super(errors.isEmpty() ? "invalid request" : errors.get(0).field() + ": " + errors.get(0).message());
        this.status = status;
        this.errors = List.copyOf(errors);
    }

    public static InvalidRequestException of(int status, String field, String message) {
        return new InvalidRequestException(status, List.of(new FieldError(field, message)));
    }

    public int status() {
        return status;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
