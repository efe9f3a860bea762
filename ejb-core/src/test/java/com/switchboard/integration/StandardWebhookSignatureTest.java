package com.switchboard.integration;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Base64;
import org.junit.jupiter.api.Test;

class StandardWebhookSignatureTest {

    @Test
    void signsLikeTheStandardWebhooksReferenceVector() {
        // the example of the Standard Webhooks specification's reference libraries
        assertEquals(
                "v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=",
                StandardWebhookSignature.sign(
                        "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw",
                        "msg_p5jXN8AQM9LWM0D4loKWxJek",
                        1614265330L,
                        "{\"test\": 2432232314}"),
                "v1 signature over id.timestamp.body");
    }

    @Test
    void anotherTimestampGivesAnotherSignature() {
        String secret = WebhookSecrets.generate();
        assertNotEquals(
                StandardWebhookSignature.sign(secret, "msg_1", 1L, "{}"),
                StandardWebhookSignature.sign(secret, "msg_1", 2L, "{}"),
                "the timestamp is signed");
    }

    @Test
    void generatedSecretsCarryThirtyTwoRandomBytes() {
        String secret = WebhookSecrets.generate();
        assertTrue(secret.startsWith("whsec_"), secret);
        assertEquals(32, Base64.getDecoder().decode(secret.substring(6)).length, "key length");
        assertNotEquals(secret, WebhookSecrets.generate(), "each subscription its own secret");
    }
}
