package com.switchboard.channel;

/** A failure no retry will cure: a 5xx SMTP reply, an invalid or opted-out number. */
public class PermanentDeliveryException extends DeliveryException {
    private static final long serialVersionUID = 1L;

    public PermanentDeliveryException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
