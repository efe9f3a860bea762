package com.switchboard.channel;

/** A provider refused or failed a delivery; the subclass says whether trying again can help. */
public abstract class DeliveryException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    protected DeliveryException(String reason, Throwable cause) {
        super(reason, cause);
    }

    /** The provider's reason, fit to show a CSR. */
    public String reason() {
        return getMessage();
    }
}
