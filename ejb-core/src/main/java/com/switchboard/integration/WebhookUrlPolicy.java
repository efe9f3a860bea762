package com.switchboard.integration;

import com.switchboard.error.InvalidRequestException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Which URLs a subscription may post to: HTTPS, so events and signatures never cross a network in
 * clear; plain HTTP only to this machine's loopback, and only where {@code webhook.allow.loopback.http}
 * says so (the local profile, for a developer's listener and the tests). And only to public
 * addresses: a host that resolves to a private, loopback (unless allowed as above), link-local
 * (169.254.169.254, the cloud's metadata service), unique-local, shared (100.64/10), multicast or
 * unspecified address is refused when subscribed and again before every delivery ({@link #blocked}),
 * so a name re-pointed after the check (DNS rebinding) is caught at send time. A name that does not
 * resolve yet is accepted when subscribed and fails its deliveries until it does.
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
            throw InvalidRequestException.invalid("url", "a URL is required");
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw InvalidRequestException.invalid("url", "not a URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || uri.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw InvalidRequestException.invalid("url", "not an absolute http(s) URL with a host");
        }
        if (uri.getUserInfo() != null || uri.getFragment() != null) {
            throw InvalidRequestException.invalid("url", "credentials and fragments do not belong in a webhook URL");
        }
        if (scheme.equals("http")
                && !(allowLoopbackHttp && LOOPBACK.contains(uri.getHost().toLowerCase(Locale.ROOT)))) {
            throw InvalidRequestException.unprocessable(
                    "url",
                    allowLoopbackHttp
                            ? "https is required (http only to 127.0.0.1 or localhost)"
                            : "https is required");
        }
        if (url.length() > 2000) {
            throw InvalidRequestException.invalid("url", "at most 2000 characters");
        }
        blocked(uri.getHost()).ifPresent(reason -> {
            throw InvalidRequestException.unprocessable("url", reason);
        });
        return url;
    }

    /** Why a delivery to {@code url} must not be made now, or empty when its host resolves to allowed addresses only. */
    public Optional<String> blockedAtSend(String url) {
        try {
            return blocked(new URI(url).getHost());
        } catch (URISyntaxException e) {
            return Optional.of("not a URL");
        }
    }

    /** Why {@code host} must not be posted to; empty when every address it resolves to is allowed, or it does not resolve. */
    Optional<String> blocked(String host) {
        if (host == null) {
            return Optional.of("no host");
        }
        InetAddress[] addresses;
        try {
            addresses = InetAddress.getAllByName(host.startsWith("[") ? host.substring(1, host.length() - 1) : host);
        } catch (UnknownHostException notYet) {
            return Optional.empty();
        }
        for (InetAddress a : addresses) {
            String kind = kind(a);
            if (kind != null && !(allowLoopbackHttp && "loopback".equals(kind))) {
                return Optional.of("the host resolves to a " + kind + " address; webhooks go to public addresses only");
            }
        }
        return Optional.empty();
    }

    /** What makes {@code a} unfit for a webhook ("private", "link-local", ...), or null for a public unicast address. */
    static String kind(InetAddress a) {
        byte[] b = a.getAddress();
        if (a.isLoopbackAddress()) {
            return "loopback";
        }
        if (a.isAnyLocalAddress() || (b.length == 4 && b[0] == 0)) {
            return "unspecified";
        }
        if (a.isLinkLocalAddress()) {
            return "link-local";
        }
        if (a.isSiteLocalAddress() || (b.length == 16 && (b[0] & 0xfe) == 0xfc)) {
            return "private";
        }
        if (b.length == 4 && (b[0] & 0xff) == 100 && (b[1] & 0xc0) == 64) {
            return "shared (carrier-grade NAT)";
        }
        if (a.isMulticastAddress() || (b.length == 4 && (b[0] & 0xff) >= 240)) {
            return "multicast or reserved";
        }
        return null;
    }
}
