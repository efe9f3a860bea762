package com.switchboard.rest.guard;

import com.switchboard.web.SecurityHeadersFilter;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.annotation.WebFilter;

/** The API's headers: nothing here is a page to frame or a script to run, so the policy allows nothing at all. */
@WebFilter(
        urlPatterns = "/*",
        dispatcherTypes = {DispatcherType.REQUEST, DispatcherType.ERROR, DispatcherType.FORWARD})
public class SecurityHeaders extends SecurityHeadersFilter {
    private static final long serialVersionUID = 1L;

    public SecurityHeaders() {
        super("default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'", "no-referrer");
    }
}
