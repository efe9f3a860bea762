package com.switchboard.error;

/** A caller over one of its limits: 429 with {@code Retry-After}, naming the limit. */
public class TooManyRequestsException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final String limit;
    private final long retryAfterSeconds;

    public TooManyRequestsException(String limit, String detail, long retryAfterSeconds) {
        super(detail);
        this.limit = limit;
        this.retryAfterSeconds = retryAfterSeconds;
    }

    /** The limit's name, e.g. {@code requests} or {@code recipients}. */
    public String limit() {
        return limit;
    }

    public long retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
