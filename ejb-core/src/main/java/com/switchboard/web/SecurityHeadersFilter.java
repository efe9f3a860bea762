package com.switchboard.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The headers every response of a web module carries: its Content-Security-Policy (which always
 * forbids framing), {@code X-Frame-Options: DENY}, {@code nosniff}, its Referrer-Policy, and HSTS
 * where the server is only reached over TLS ({@code security.hsts}, off in the local profile).
 * Each WAR registers a subclass with its own policy.
 */
public abstract class SecurityHeadersFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;
    private static final String HSTS = "max-age=31536000; includeSubDomains";

    private final String policy;
    private final String referrerPolicy;
    private boolean hsts;

    protected SecurityHeadersFilter(String policy, String referrerPolicy) {
        this.policy = policy;
        this.referrerPolicy = referrerPolicy;
    }

    @Override
    public void init() {
        hsts = ConfigProvider.getConfig()
                .getOptionalValue("security.hsts", Boolean.class)
                .orElse(false);
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("Referrer-Policy", referrerPolicy);
        if (hsts) {
            response.setHeader("Strict-Transport-Security", HSTS);
        }
        chain.doFilter(request, response);
    }
}
