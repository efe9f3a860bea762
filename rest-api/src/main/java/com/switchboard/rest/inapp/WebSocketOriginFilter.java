package com.switchboard.rest.inapp;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses (403) a WebSocket handshake whose {@code Origin} is not on {@code websocket.allowed.origins}
 * (the console's own origin): a browser sends its cookies with any page's handshake, so without
 * this a hostile page could open a signed-in user's socket and read their notifications. A
 * handshake without {@code Origin} is no browser's and passes; it still has to authenticate. A
 * filter rather than an endpoint configurator, so the endpoint stays a CDI bean the container
 * creates and injects.
 */
@WebFilter(urlPatterns = "/ws/*")
public class WebSocketOriginFilter extends HttpFilter {
    private static final long serialVersionUID = 1L;

    private Set<String> allowed;

    @Override
    public void init() {
        String list = ConfigProvider.getConfig()
                .getOptionalValue("websocket.allowed.origins", String.class)
                .orElse("");
        allowed = Arrays.stream(list.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(s -> s.toLowerCase(Locale.ROOT))
                .collect(Collectors.toUnmodifiableSet());
    }

    @Override
    protected void doFilter(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws IOException, ServletException {
        String origin = request.getHeader("Origin");
        if (origin != null && !allowed.contains(origin.toLowerCase(Locale.ROOT))) {
            response.sendError(HttpServletResponse.SC_FORBIDDEN, "this origin may not open the notification socket");
            return;
        }
        chain.doFilter(request, response);
    }
}
