package com.switchboard.rest.guard;

/** A request body over the server's limit; carries the limit and, when declared, the size sent. */
public class RequestTooLargeException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final long limit;

    public RequestTooLargeException(long limit, long declared) {
        super(
                declared > 0
                        ? "the body of " + declared + " bytes is over the limit of " + limit + " bytes"
                        : "the body is over the limit of " + limit + " bytes");
        this.limit = limit;
    }

    public long limit() {
        return limit;
    }
}
