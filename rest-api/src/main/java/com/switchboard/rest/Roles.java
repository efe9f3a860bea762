package com.switchboard.rest;

/** The four roles of the API; the EAR maps them to the user registry's groups. */
public final class Roles {
    public static final String CSR = "csr";
    public static final String ADMIN = "admin";
    public static final String INTEGRATION = "integration";
    public static final String USER = "user";

    private Roles() {}
}
