package com.switchboard.tracking.sns;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Verifies every SNS POST before anything is read from it: the TopicArn is on the
 * {@code sns.allowed.topic.arns} list, the signing certificate comes from an acceptable source
 * and the signature (SignatureVersion 2 = SHA256withRSA; 1 = SHA1withRSA only when
 * {@code sns.signature.v1.allowed}, since SHA-1 is no longer a safe signature hash) matches the canonical
 * string, and its signed Timestamp is within {@code sns.max.message.age.seconds} of now, so a
 * captured message cannot be replayed later (SNS's own retries of a message end well within that). Written here because the AWS SDK's own SNS message manager
 * ({@code software.amazon.awssdk:sns-message-manager}) is listed in BOM 2.57.8 but not served by
 * the registry; this follows its algorithm and should be swapped for it when it is.
 */
@ApplicationScoped
public class SnsMessageVerifier {

    @Inject
    @ConfigProperty(name = "sns.region", defaultValue = "eu-west-1")
    String region;

    @Inject
    @ConfigProperty(name = "sns.allowed.topic.arns", defaultValue = "")
    String allowedTopicArns;

    @Inject
    @ConfigProperty(name = "sns.signing.certificate.cn", defaultValue = "sns.amazonaws.com")
    String commonName;

    /** Set only by the local profile and tests: the pinned sandbox certificate replaces the fetch. */
    @Inject
    @ConfigProperty(name = "sns.test.trust.store")
    Optional<String> testTrustStore;

    @Inject
    @ConfigProperty(name = "sns.max.message.age.seconds", defaultValue = "3600")
    long maxAgeSeconds;

    /** Topics default to SignatureVersion 1; set each topic's to 2 rather than this. */
    @Inject
    @ConfigProperty(name = "sns.signature.v1.allowed", defaultValue = "false")
    boolean v1Allowed;

    /**
     * Wall-clock time, not the injected business clock: SNS stamps its messages with real time, and
     * a test that moves the local profile's clock must not make genuine receipts look replayed.
     */
    Clock clock = Clock.systemUTC();

    private Set<String> allowed;
    /** No freshness check when null: only verifiers built by hand for unit tests leave it out. */
    private Duration maxAge;

    private SigningCertificateSource certificates;
    private SnsCertificateUrls urls;

    public SnsMessageVerifier() {}

    /** For tests and tools: a verifier with an explicit source and allow-list. */
    public SnsMessageVerifier(
            SigningCertificateSource certificates, Set<String> allowedTopics, SnsCertificateUrls urls) {
        this.certificates = certificates;
        this.allowed = Set.copyOf(allowedTopics);
        this.urls = urls;
    }

    /** The verifier the given configuration values make: exactly what the server builds at start. */
    public static SnsMessageVerifier fromConfig(
            String region, String allowedTopicArns, String commonName, Optional<String> testTrustStore) {
        return fromConfig(
                region,
                allowedTopicArns,
                commonName,
                testTrustStore,
                AwsSigningCertificates.https(Duration.ofSeconds(5)));
    }

    /** As {@link #fromConfig(String, String, String, Optional)} with the production fetch replaced (unit tests). */
    public static SnsMessageVerifier fromConfig(
            String region,
            String allowedTopicArns,
            String commonName,
            Optional<String> testTrustStore,
            AwsSigningCertificates.Fetcher fetcher) {
        SnsCertificateUrls urls = new SnsCertificateUrls(region);
        SigningCertificateSource source = testTrustStore
                .filter(s -> !s.isBlank())
                .<SigningCertificateSource>map(p -> new PinnedTestCertificate(urls, Path.of(p)))
                .orElseGet(() -> new AwsSigningCertificates(urls, commonName, fetcher));
        Set<String> topics = Arrays.stream(allowedTopicArns.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .collect(Collectors.toSet());
        return new SnsMessageVerifier(source, topics, urls);
    }

    @PostConstruct
    void configure() {
        SnsMessageVerifier v = fromConfig(region, allowedTopicArns, commonName, testTrustStore);
        this.certificates = v.certificates;
        this.allowed = v.allowed;
        this.urls = v.urls;
        this.maxAge = Duration.ofSeconds(maxAgeSeconds);
    }

    /** This verifier, also refusing messages whose Timestamp is more than {@code age} away from {@code now}. */
    public SnsMessageVerifier freshWithin(Duration age, Clock now) {
        this.maxAge = age;
        this.clock = now;
        return this;
    }

    /**
     * Parses and verifies a raw SNS body.
     *
     * @throws SnsVerificationException when the message must not be trusted
     */
    public SnsMessage verify(String body) {
        SnsMessage m = SnsMessage.parse(body);
        if (!allowed.contains(m.topicArn())) {
            throw new SnsVerificationException("topic not allowed", m.topicArn());
        }
        String algorithm = "1".equals(m.signatureVersion()) && v1Allowed
                ? "SHA1withRSA"
                : "2".equals(m.signatureVersion()) ? "SHA256withRSA" : null;
        if (algorithm == null) {
            throw new SnsVerificationException(
                    "1".equals(m.signatureVersion())
                            ? "SignatureVersion 1 (SHA-1) is not accepted; set the topic's SignatureVersion to 2"
                            : "unsupported SignatureVersion",
                    m.signatureVersion());
        }
        PublicKey key = certificates.publicKey(
                URI.create(urls.require(m.signingCertUrl()).toString()));
        try {
            Signature signature = Signature.getInstance(algorithm);
            signature.initVerify(key);
            signature.update(m.stringToSign().getBytes(StandardCharsets.UTF_8));
            if (!signature.verify(Base64.getDecoder().decode(m.signature()))) {
                throw new SnsVerificationException("signature does not match", m.messageId());
            }
        } catch (GeneralSecurityException | IllegalArgumentException e) {
            throw new SnsVerificationException("signature unreadable", m.messageId(), e);
        }
        requireFresh(m);
        return m;
    }

    private void requireFresh(SnsMessage m) {
        if (maxAge == null) {
            return;
        }
        Instant at;
        try {
            at = Instant.parse(m.timestamp());
        } catch (DateTimeParseException e) {
            throw new SnsVerificationException("Timestamp unreadable", m.timestamp(), e);
        }
        if (Duration.between(at, clock.instant()).abs().compareTo(maxAge) > 0) {
            throw new SnsVerificationException(
                    "Timestamp outside the " + maxAge.toSeconds() + " s window (a replay?)",
                    m.messageId() + " at " + m.timestamp());
        }
    }

    /** The SubscribeURL of a verified confirmation, if it is one SNS would send (its own HTTPS host). */
    public URI subscribeUrl(SnsMessage confirmation) {
        return urls.require(confirmation.subscribeUrl());
    }
}
