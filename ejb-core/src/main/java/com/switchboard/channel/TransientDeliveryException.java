package com.switchboard.channel;

/** A failure that retrying may cure: throttling, a 4xx SMTP reply, a timeout, a provider outage. */
public class TransientDeliveryException extends DeliveryException {
    private static final long serialVersionUID = 1L;

    public TransientDeliveryException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
