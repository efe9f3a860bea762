package com.switchboard.channel.whatsapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
    private static final String SECRET = "sandbox-app-secret";
    private static final byte[] BODY =
            "{\"object\":\"whatsapp_business_account\",\"entry\":[]}".getBytes(StandardCharsets.UTF_8);

    @Test
    void matchesTheHmacSha256OfTheRawBodyWithTheAppSecret() {
        // computed independently: printf '%s' '<BODY>' | openssl dgst -sha256 -hmac sandbox-app-secret
        String known = "sha256=913cea235cb673f466a0582c763b0bb96410f81ab66a376a326c45d9e9f4f041";
        assertTrue(WebhookSignature.verify(SECRET, BODY, known), "openssl's HMAC of the body verifies");
        assertEquals(known, WebhookSignature.sign(SECRET, BODY), "and is what we compute");
        assertTrue(
                WebhookSignature.verify(SECRET, BODY, WebhookSignature.sign(SECRET, BODY)),
                "our own signature verifies");
        assertTrue(
                WebhookSignature.verify(
                        SECRET,
                        BODY,
                        WebhookSignature.sign(SECRET, BODY).toUpperCase().replace("SHA256=", "sha256=")),
                "hex digits in either case");
    }

    @Test
    void refusesAnotherSecretAChangedBodyAndMalformedHeaders() {
        String signature = WebhookSignature.sign(SECRET, BODY);
        assertFalse(WebhookSignature.verify("other-secret", BODY, signature), "another app's secret");
        assertFalse(
                WebhookSignature.verify(SECRET, "{\"object\":\"x\"}".getBytes(StandardCharsets.UTF_8), signature),
                "a changed body");
        assertFalse(WebhookSignature.verify(SECRET, BODY, null), "no header");
        assertFalse(
                WebhookSignature.verify(SECRET, BODY, signature.substring("sha256=".length())), "no sha256= prefix");
        assertFalse(WebhookSignature.verify(SECRET, BODY, "sha256=zz"), "not hex");
        assertFalse(WebhookSignature.verify(SECRET, BODY, signature.substring(0, signature.length() - 2)), "truncated");
        assertFalse(
                WebhookSignature.verify("", BODY, WebhookSignature.sign("x", BODY)),
                "a server without an app secret accepts nothing");
    }
}
