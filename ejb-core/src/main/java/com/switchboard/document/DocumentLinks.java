package com.switchboard.document;

import com.switchboard.error.GoneException;
import com.switchboard.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
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
 * Short-lived links to a document for recipients who have no login (SMS, WhatsApp):
 * {@code <public.base.url>/documents/<id>?exp=<epoch seconds>&sig=<HMAC-SHA256 of "<id>|<exp>">}
 * under {@code documents.link.secret}, valid {@code documents.link.hours} (72). The signature is
 * the authority, so the endpoint needs no login and a link cannot be bent to another document or
 * a later time.
 */
@ApplicationScoped
public class DocumentLinks {
    private static final Base64.Encoder B64 = Base64.getUrlEncoder().withoutPadding();

    @Inject
    @ConfigProperty(name = "documents.link.secret")
    Optional<String> secret;

    @Inject
    @ConfigProperty(name = "public.base.url")
    Optional<String> baseUrl;

    @Inject
    @ConfigProperty(name = "documents.link.hours", defaultValue = "72")
    long hours;

    @Inject
    Clock clock;

    DocumentLinks() {
        // for CDI
    }

    /** For tests outside the container. */
    DocumentLinks(String secret, String baseUrl, long hours, Clock clock) {
        this.secret = Optional.of(secret);
        this.baseUrl = Optional.of(baseUrl);
        this.hours = hours;
        this.clock = clock;
    }

    /** A link to document {@code id} valid from now for {@code documents.link.hours}. */
    public String link(String id) {
        String base = baseUrl.filter(s -> !s.isBlank())
                .orElseThrow(() -> new IllegalStateException("public.base.url is not set: no document links"));
        long expires = clock.instant().plus(Duration.ofHours(hours)).getEpochSecond();
        return base.replaceAll("/+$", "") + "/documents/" + id + "?exp=" + expires + "&sig=" + signature(id, expires);
    }

    /**
     * Checks a link's query: a signature we did not make (or for another document or time) is
     * not found; a genuine link past its time is gone.
     */
    public void verify(String id, String exp, String sig) {
        long expires;
        try {
            expires = Long.parseLong(exp);
        } catch (NumberFormatException | NullPointerException e) {
            throw new NotFoundException("document link", id);
        }
        if (id == null
                || sig == null
                || id.length() > 64
                || !MessageDigest.isEqual(
                        signature(id, expires).getBytes(StandardCharsets.US_ASCII),
                        sig.getBytes(StandardCharsets.US_ASCII))) {
            throw new NotFoundException("document link", id);
        }
        if (clock.instant().getEpochSecond() >= expires) {
            throw new GoneException("document link", id, "expired; ask the sender for a new one");
        }
    }

    private String signature(String id, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(
                    secret.filter(s -> !s.isBlank())
                            .orElseThrow(() ->
                                    new IllegalStateException("documents.link.secret is not set: no document links"))
                            .getBytes(StandardCharsets.UTF_8),
                    "HmacSHA256"));
            return B64.encodeToString(mac.doFinal((id + "|" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }
}
