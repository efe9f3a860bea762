package com.switchboard.rest.security;

import com.switchboard.communication.ReadScope;
import com.switchboard.rest.Roles;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.core.SecurityContext;

/** The {@link ReadScope} of the caller of a request: staff and read-all keys read everything. */
public final class ReadScopes {
    /** Set by {@link ApiKeyAuthenticationMechanism} for a key an administrator granted read-all. */
    static final String READ_ALL_GRANTED = "switchboard.readAllGranted";

    private ReadScopes() {}

    public static ReadScope of(SecurityContext security, HttpServletRequest request) {
        if (security.isUserInRole(Roles.CSR)
                || security.isUserInRole(Roles.ADMIN)
                || Boolean.TRUE.equals(request.getAttribute(READ_ALL_GRANTED))) {
            return ReadScope.ALL;
        }
        return ReadScope.ownedBy(security.getUserPrincipal().getName());
    }
}
