package com.switchboard.error;

/** What the caller sent in {@code field} is larger than the limit allows; carries both sizes. */
public class TooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String field;
    private final long limit;

    public TooLargeException(String field, long size, long limit) {
        super(field + " of " + size + " bytes is over the limit of " + limit + " bytes");
        this.field = field;
        this.limit = limit;
    }

    public String field() {
        return field;
    }

    public long limit() {
        return limit;
    }
}
