package com.switchboard.channel.whatsapp;

import com.switchboard.channel.TransientDeliveryException;

/**
 * Graph refused our access token (code 190: expired, revoked or invalid). Transient for the
 * delivery (it goes again once an operator renews the token) but not worth an immediate retry:
 * the provider's {@code @Retry} aborts on it and {@link AccessTokenCircuit} stops calling Graph.
 */
public class AccessTokenRejectedException extends TransientDeliveryException {
    private static final long serialVersionUID = 1L;

    public AccessTokenRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
