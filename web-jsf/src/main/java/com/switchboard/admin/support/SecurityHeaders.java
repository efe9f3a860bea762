package com.switchboard.admin.support;

import com.switchboard.web.SecurityHeadersFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebFilter;

/**
 * The console's headers: it may not be framed (clickjacking), loads scripts, styles, images and
 * connections from its own origin only and posts forms only to itself. Scripts keep
 * {@code 'unsafe-inline'} because Faces 4.0 renders {@code f:ajax} as inline event handlers, which
 * no nonce can cover; no script from any other origin runs.
 */
@WebFilter(
        urlPatterns = "/*",
        asyncSupported = true, // the live event stream is async
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD})
public class SecurityHeaders extends SecurityHeadersFilter {
    private static final long serialVersionUID = 1L;

    public SecurityHeaders() {
        super(
                "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
                        + "connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
                "same-origin");
    }
}
