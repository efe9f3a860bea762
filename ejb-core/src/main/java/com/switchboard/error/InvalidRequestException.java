package com.switchboard.error;

import java.util.List;

/**
 * A request that cannot be carried out as given, with the fields at fault. What kind of fault it is
 * is the domain's to say; how it is answered (HTTP 400 or 422) is {@code rest.problem}'s.
 */
public class InvalidRequestException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What is wrong with the request. */
    public enum Kind {
        /** A value that is malformed: missing, of the wrong shape, out of its range. */
        INVALID_VALUE,
        /** Well-formed values that refer to something unknown or unavailable, or cannot be carried out together. */
        UNPROCESSABLE
    }

    private final Kind kind;
    private final transient List<FieldError> errors;

    public InvalidRequestException(Kind kind, List<FieldError> errors) {
        super(
                errors.isEmpty()
                        ? "invalid request"
                        : errors.get(0).field() + ": " + errors.get(0).message());
        this.kind = kind;
        this.errors = List.copyOf(errors);
    }

    /** A malformed value of {@code field}. */
    public static InvalidRequestException invalid(String field, String message) {
        return new InvalidRequestException(Kind.INVALID_VALUE, List.of(new FieldError(field, message)));
    }

    /** A well-formed value of {@code field} that cannot be carried out. */
    public static InvalidRequestException unprocessable(String field, String message) {
        return new InvalidRequestException(Kind.UNPROCESSABLE, List.of(new FieldError(field, message)));
    }

    public Kind kind() {
        return kind;
    }

    public List<FieldError> errors() {
        return errors;
    }
}
