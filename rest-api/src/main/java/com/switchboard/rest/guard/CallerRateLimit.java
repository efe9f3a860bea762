package com.switchboard.rest.guard;

import com.switchboard.limits.CallerLimits;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;

/**
 * Every signed-in caller's request counts against its per-minute budget ({@link CallerLimits});
 * over it, 429 with {@code Retry-After} before any work. The webhooks have no caller and their own
 * guards (signatures, size, replay window).
 */
@Provider
@Priority(Priorities.AUTHORIZATION + 10)
@ApplicationScoped
public class CallerRateLimit implements ContainerRequestFilter {

    @Inject
    CallerLimits limits;

    @Override
    public void filter(ContainerRequestContext request) {
        Principal caller = request.getSecurityContext().getUserPrincipal();
        if (caller != null) {
            limits.request(caller.getName());
        }
    }
}
