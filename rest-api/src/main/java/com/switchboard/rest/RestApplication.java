package com.switchboard.rest;

import jakarta.annotation.security.DeclareRoles;
import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** The Switchboard JAX-RS API, rooted at the WAR's context root {@code /}. */
@ApplicationPath("/")
@DeclareRoles({Roles.CSR, Roles.ADMIN, Roles.INTEGRATION, Roles.USER})
public class RestApplication extends Application {
}
