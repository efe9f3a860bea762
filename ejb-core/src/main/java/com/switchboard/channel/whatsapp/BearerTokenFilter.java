package com.switchboard.channel.whatsapp;

import jakarta.ws.rs.client.ClientRequestContext;
import jakarta.ws.rs.client.ClientRequestFilter;
import jakarta.ws.rs.core.HttpHeaders;

/**
 * Adds the system-user access token to every Graph API request. The token lives only here and in
 * the header; it is never part of a message, a reason or a log line.
 */
final class BearerTokenFilter implements ClientRequestFilter {
    private final String token;

    BearerTokenFilter(String token) {
        this.token = token;
    }

    @Override
    public void filter(ClientRequestContext request) {
        request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token);
    }

    @Override
    public String toString() {
        return "BearerTokenFilter[token hidden]";
    }
}
