package it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What a browser is told on every response, and what a hostile page can do with a signed-in user's
 * browser: nothing can frame the console or the API, cookies are HttpOnly and SameSite, and a
 * WebSocket handshake from another origin is refused even with the user's credentials.
 */
@ExtendWith(Switchboard.class)
class BrowserHardeningIT {
    private static final URI SOCKET = URI.create(Switchboard.BASE_URL.replace("http", "ws") + "/ws/notifications");
    private static final HttpClient HTTP =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Test
    void everyResponseOfBothApplicationsForbidsFramingAndSniffing() throws Exception {
        for (String path : List.of("/communications/channels", "/communications/no-such-thing", "/admin/login.html")) {
            HttpResponse<String> r = get(path, Api.as("csr").authorization());
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(
                    csp.contains("frame-ancestors 'none'"), path + " (" + r.statusCode() + ") forbids framing: " + csp);
            assertTrue(
                    csp.contains("object-src 'none'") || csp.contains("default-src 'none'"),
                    path + " runs no plug-ins: " + csp);
            assertEquals("DENY", r.headers().firstValue("X-Frame-Options").orElse(""), path + " X-Frame-Options");
            assertEquals(
                    "nosniff",
                    r.headers().firstValue("X-Content-Type-Options").orElse(""),
                    path + " X-Content-Type-Options");
            assertTrue(r.headers().firstValue("Referrer-Policy").isPresent(), path + " Referrer-Policy");
            assertFalse(
                    r.headers().firstValue("Strict-Transport-Security").isPresent(),
                    path + ": no HSTS over the local profile's http");
        }
    }

    @Test
    void sessionAndSignOnCookiesAreHttpOnlyAndSameSite() throws Exception {
        String user = Api.userName("csr");
        String password = Api.password("csr");
        HttpResponse<String> login = HTTP.send(
                HttpRequest.newBuilder(URI.create(Switchboard.BASE_URL + "/admin/j_security_check"))
                        .timeout(Duration.ofSeconds(30))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "j_username=" + URLEncoder.encode(user, StandardCharsets.UTF_8) + "&j_password="
                                        + URLEncoder.encode(password, StandardCharsets.UTF_8)))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        List<String> cookies = login.headers().allValues("Set-Cookie");
        assertTrue(
                cookies.stream().anyMatch(c -> c.startsWith("LtpaToken2=")),
                "signed in with a single sign-on cookie: " + cookies);
        for (String cookie : cookies) {
            String lower = cookie.toLowerCase();
            assertTrue(lower.contains("httponly"), "HttpOnly: " + cookie);
            assertTrue(lower.contains("samesite=lax") || lower.contains("samesite=strict"), "SameSite: " + cookie);
        }
    }

    @Test
    void aSocketHandshakeFromAnotherOriginIsRefusedEvenWithTheUsersCredentials() throws Exception {
        ExecutionException refused = assertThrows(
                ExecutionException.class, () -> open("https://evil.example"), "a hostile page's handshake must fail");
        assertTrue(
                refused.getCause() instanceof WebSocketHandshakeException,
                "refused at the handshake: " + refused.getCause());
        assertEquals(
                403,
                ((WebSocketHandshakeException) refused.getCause()).getResponse().statusCode(),
                "403");

        open(Switchboard.BASE_URL).sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
        open(null).sendClose(WebSocket.NORMAL_CLOSURE, "").get(5, TimeUnit.SECONDS);
    }

    /** A handshake as ulrich, from {@code origin} (null: none, as a non-browser client sends). */
    private static WebSocket open(String origin) throws Exception {
        WebSocket.Builder b = HTTP.newWebSocketBuilder()
                .header("Authorization", Api.as("user").authorization());
        if (origin != null) {
            b.header("Origin", origin);
        }
        return b.buildAsync(SOCKET, new WebSocket.Listener() {}).get(10, TimeUnit.SECONDS);
    }

    private static HttpResponse<String> get(String path, String authorization) throws Exception {
        return HTTP.send(
                HttpRequest.newBuilder(URI.create(Switchboard.BASE_URL + path))
                        .timeout(Duration.ofSeconds(30))
                        .header("Authorization", authorization)
                        .GET()
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
