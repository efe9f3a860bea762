package com.switchboard.error;

/** DynamoDB could not be reached or throttled us: the caller should retry later; nothing was accepted. */
public class StoreUnavailableException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public StoreUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
