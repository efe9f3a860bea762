package com.switchboard.preference;

import com.switchboard.channel.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The one-click unsubscribe links of marketing messages (RFC 8058): {@code <public.base.url>/unsubscribe?token=},
 * the token naming the channel and address with an expiry, signed with HMAC-SHA256 under
 * {@code unsubscribe.secret}, so the endpoint needs no login and cannot be aimed at anyone else's address.
 */
@ApplicationScoped
public class UnsubscribeTokens {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "unsubscribe.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "public.base.url")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "unsubscribe.token.days", defaultValue = "60")
    long days;

    @Inject
    Clock clock;

    /** Whom a valid token unsubscribes. */
    public record Target(Channel channel, String address) {}

    /** The link for {@code address} on {@code channel}; empty when no secret or base URL is configured. */
    public Optional<String> link(Channel channel, String address) {
        if (secret.filter(s -> !s.isBlank()).isEmpty()
                || baseUrl.filter(s -> !s.isBlank()).isEmpty()) {
            return Optional.empty();
        }
        long expires = clock.instant().plus(Duration.ofDays(days)).getEpochSecond();
        String payload =
                B64.encodeToString((channel.name() + "|" + address + "|" + expires).getBytes(StandardCharsets.UTF_8));
        String token = payload + "." + B64.encodeToString(mac(payload));
        return Optional.of(baseUrl.get().replaceAll("/+$", "") + "/unsubscribe?token="
                + URLEncoder.encode(token, StandardCharsets.UTF_8));
    }

    /** The channel and address of a token we signed that has not expired. */
    public Optional<Target> verify(String token) {
        if (token == null || secret.filter(s -> !s.isBlank()).isEmpty() || token.length() > 1000) {
            return Optional.empty();
        }
        int dot = token.indexOf('.');
        if (dot <= 0) {
            return Optional.empty();
        }
        String payload = token.substring(0, dot);
        try {
            if (!MessageDigest.isEqual(mac(payload), Base64.getUrlDecoder().decode(token.substring(dot + 1)))) {
                return Optional.empty();
            }
            String[] parts =
                    new String(Base64.getUrlDecoder().decode(payload), StandardCharsets.UTF_8).split("\\|", -1);
            if (parts.length != 3 || Long.parseLong(parts[2]) < clock.instant().getEpochSecond()) {
                return Optional.empty();
            }
            return Channel.parse(parts[0]).map(c -> new Target(c, parts[1]));
        } catch (IllegalArgumentException malformed) {
            return Optional.empty();
        }
    }

    private byte[] mac(String payload) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.orElseThrow().getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
