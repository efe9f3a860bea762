package com.switchboard.integration;

import com.switchboard.error.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which URLs a subscription may post to: HTTPS, so events and signatures never cross a network in
 * clear; plain HTTP only to this machine's loopback, and only where {@code webhook.allow.loopback.http}
 * says so (the local profile, for a developer's listener and the tests).
 */
@ApplicationScoped
public class WebhookUrlPolicy {
    private static final Set<String> LOOPBACK = Set.of("127.0.0.1", "localhost", "[::1]");

    @Inject
    @ConfigProperty(name = "webhook.allow.loopback.http", defaultValue = "false")
    boolean allowLoopbackHttp;

    /** The URL as given when it is allowed; otherwise an {@link InvalidRequestException} naming {@code url}. */
    public String check(String url) {
        if (url == null || url.isBlank()) {
            throw InvalidRequestException.of(400, "url", "a URL is required");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw InvalidRequestException.of(400, "url", "not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw InvalidRequestException.of(400, "url", "not an absolute http(s) URL with a host");
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            throw InvalidRequestException.of(400, "url", "credentials and fragments do not belong in a webhook URL");
        }
        if (scheme.equals("http") && !(allowLoopbackHttp && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT)))) {
            throw InvalidRequestException.of(422, "url", allowLoopbackHttp ? "https is required (http only to 127.0.0.1 or localhost)"
                    : "https is required");
        }
        if (url.length() > 2000) {
            throw InvalidRequestException.of(400, "url", "at most 2000 characters");
        }
        return url;
    }
}
