package com.switchboard.tracking.sns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real verifier, built from configuration values exactly as the server builds it. */
class SnsMessageVerifierTest {
    private static final String MESSAGE = "{\"eventType\":\"Delivery\",\"mail\":{\"messageId\":\"m-1\"}}";
    private static final String AWS_CN = "sns.amazonaws.com";

    @TempDir
    static Path dir;

    static TestSnsSigner signer;

    @BeforeAll
    static void keys() throws Exception {
        signer = TestSnsSigner.generate(dir, "CN=switchboard-sandbox-sns");
    }

    private static SnsMessageVerifier localProfile() {
        return SnsMessageVerifier.fromConfig(
                "eu-west-1",
                TestSnsSigner.TOPIC + ", arn:aws:sns:eu-west-1:0:other",
                AWS_CN,
                Optional.of(signer.pemFile.toString()));
    }

    @Test
    void signatureVersionTwoVerifiesAndOneOnlyWhenExplicitlyAllowed() throws Exception {
        SnsMessage m =
                localProfile().verify(signer.notification(TestSnsSigner.TOPIC, MESSAGE, TestSnsSigner.CERT_URL, "2"));
        assertEquals(MESSAGE, m.message(), "SignatureVersion 2 verifies and yields the Message");

        String sha1 = signer.notification(TestSnsSigner.TOPIC, MESSAGE, TestSnsSigner.CERT_URL, "1");
        SnsVerificationException refused = assertThrows(
                SnsVerificationException.class,
                () -> localProfile().verify(sha1),
                "a SHA-1 signature is refused by default, genuine or not");
        assertTrue(refused.getMessage().contains("SignatureVersion 1"), refused.getMessage());
        SnsMessageVerifier allowing = localProfile();
        allowing.v1Allowed = true;
        assertEquals(MESSAGE, allowing.verify(sha1).message(), "sns.signature.v1.allowed lets it verify");
    }

    @Test
    void aMessageSignedLongerAgoThanTheWindowIsRefusedAsAReplay() throws Exception {
        // the test signer stamps 2026-11-25T10:00:00Z
        String body = signer.notification(TestSnsSigner.TOPIC, MESSAGE, TestSnsSigner.CERT_URL, "2");
        java.time.Duration hour = java.time.Duration.ofHours(1);
        SnsMessageVerifier fresh = localProfile()
                .freshWithin(
                        hour,
                        java.time.Clock.fixed(
                                java.time.Instant.parse("2026-11-25T10:59:00Z"), java.time.ZoneOffset.UTC));
        assertEquals(MESSAGE, fresh.verify(body).message(), "59 minutes old is within the window");
        SnsMessageVerifier late = localProfile()
                .freshWithin(
                        hour,
                        java.time.Clock.fixed(
                                java.time.Instant.parse("2026-11-25T11:00:01Z"), java.time.ZoneOffset.UTC));
        var e = assertThrows(SnsVerificationException.class, () -> late.verify(body), "an hour and a second old");
        assertTrue(e.getMessage().contains("window"), e.getMessage());
    }

    @Test
    void aTamperedMessageIsRefused() throws Exception {
        String body = signer.notification(TestSnsSigner.TOPIC, MESSAGE, TestSnsSigner.CERT_URL, "2")
                .replace("m-1", "m-2");
        var e = assertThrows(
                SnsVerificationException.class, () -> localProfile().verify(body), "tampered Message");
        assertTrue(e.getMessage().contains("signature does not match"), e.getMessage());
    }

    @Test
    void aTopicOutsideTheAllowListIsRefusedEvenWhenCorrectlySigned() throws Exception {
        String topic = "arn:aws:sns:eu-west-1:999999999999:someone-else";
        var e = assertThrows(
                SnsVerificationException.class,
                () -> localProfile().verify(signer.notification(topic, MESSAGE, TestSnsSigner.CERT_URL, "2")),
                "foreign topic");
        assertEquals(topic, e.value(), "the topic at fault is named");
    }

    @Test
    void certificateUrlsOffTheRegionsSnsHostOrNotHttpsAreRefusedBeforeAnyFetch() throws Exception {
        for (String url : new String[] {
            "http://sns.eu-west-1.amazonaws.com/c.pem",
            "https://evil.example.com/c.pem",
            "https://sns.eu-west-1.amazonaws.com.evil.example/c.pem",
            "https://sns.eu-west-1.amazonaws.com:8443/c.pem",
            "https://sns.us-east-1.amazonaws.com/c.pem"
        }) {
            String body = signer.notification(TestSnsSigner.TOPIC, MESSAGE, url, "2");
            var e = assertThrows(
                    SnsVerificationException.class, () -> localProfile().verify(body), url);
            assertEquals(url, e.value(), "the URL at fault is named");
        }
    }

    @Test
    void theDefaultConfigurationRejectsTheTestCertificateEvenServedFromAnAwsUrl() throws Exception {
        // aws profile: no sns.test.trust.store; the fetch is replaced only so no network is touched,
        // and it serves the sandbox certificate as if SNS's host had returned it
        String[] fetched = new String[1];
        SnsMessageVerifier aws =
                SnsMessageVerifier.fromConfig("eu-west-1", TestSnsSigner.TOPIC, AWS_CN, Optional.empty(), url -> {
                    fetched[0] = url.toString();
                    return signer.pem.getBytes(StandardCharsets.US_ASCII);
                });
        String body = signer.notification(TestSnsSigner.TOPIC, MESSAGE, TestSnsSigner.CERT_URL, "2");
        var e = assertThrows(
                SnsVerificationException.class, () -> aws.verify(body), "the default verifier refuses the test key");
        assertTrue(e.getMessage().contains("not issued to sns.amazonaws.com"), e.getMessage());
        assertEquals(
                TestSnsSigner.CERT_URL,
                fetched[0],
                "the default configuration fetches the certificate, never the pinned file");
    }

    @Test
    void theDefaultConfigurationAcceptsACertificateIssuedToTheSnsSigningName() throws Exception {
        TestSnsSigner snsLike = TestSnsSigner.generate(
                java.nio.file.Files.createDirectories(dir.resolve("sns-like")), "CN=sns.amazonaws.com");
        SnsMessageVerifier aws = SnsMessageVerifier.fromConfig(
                "eu-west-1",
                TestSnsSigner.TOPIC,
                AWS_CN,
                Optional.empty(),
                url -> snsLike.pem.getBytes(StandardCharsets.US_ASCII));
        SnsMessage m = aws.verify(snsLike.notification(TestSnsSigner.TOPIC, MESSAGE, TestSnsSigner.CERT_URL, "2"));
        assertEquals(TestSnsSigner.TOPIC, m.topicArn(), "the production path verifies what SNS's certificate signed");
    }

    @Test
    void aBodyThatIsNoSnsMessageIsRefused() {
        assertThrows(SnsVerificationException.class, () -> localProfile().verify("not json"), "garbage");
        assertThrows(
                SnsVerificationException.class,
                () -> localProfile().verify("{\"Type\":\"Notification\"}"),
                "fields missing");
    }
}
