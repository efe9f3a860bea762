package com.switchboard.document;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Duration;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.checksums.RequestChecksumCalculation;
import software.amazon.awssdk.core.checksums.ResponseChecksumValidation;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3ClientBuilder;
import software.amazon.awssdk.services.s3.S3Configuration;

/**
 * The one Amazon S3 client of this server, which holds the documents' bytes (its Apache connection
 * pool is the expensive part). The aws profile leaves {@code s3.endpoint} empty and uses the default
 * credential chain. The local profile points it at the sandbox's s3rver: path-style addresses (no
 * bucket host names on 127.0.0.1), the sandbox's own access key ({@code s3.static.access.key}) and
 * plain payloads, because s3rver 3.7 reads neither aws-chunked bodies nor the trailing checksums the
 * SDK sends by default; the SDK's own integrity checks stay on for real S3.
 */
@ApplicationScoped
public class S3ClientProducer {

    @Inject
    // empty in production: MicroProfile Config treats an empty value as none, so it is optional, not ""
    @ConfigProperty(name = "s3.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "s3.region", defaultValue = "eu-west-1")
    String region;

    @Inject
    @ConfigProperty(name = "s3.static.access.key")
    Optional<String> staticAccessKey;

    @Inject
    @ConfigProperty(name = "s3.max.connections", defaultValue = "32")
    int maxConnections;

    @Produces
    @ApplicationScoped
    S3Client s3Client() {
        S3ClientBuilder builder = S3Client.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(maxConnections)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(30)));
        Optional<String> sandbox = endpoint.filter(e -> !e.isBlank());
        if (sandbox.isPresent()) {
            builder.endpointOverride(URI.create(sandbox.get()))
                    .serviceConfiguration(S3Configuration.builder()
                            .pathStyleAccessEnabled(true)
                            .chunkedEncodingEnabled(false)
                            .build())
                    .requestChecksumCalculation(RequestChecksumCalculation.WHEN_REQUIRED)
                    .responseChecksumValidation(ResponseChecksumValidation.WHEN_REQUIRED);
        }
        return builder.build();
    }

    void close(@Disposes S3Client client) {
        client.close();
    }

    private AwsCredentialsProvider credentials() {
        // s3rver knows one key pair and checks only the key id; real credentials never come from configuration here
        return staticAccessKey
                .filter(k -> !k.isBlank())
                .<AwsCredentialsProvider>map(k -> StaticCredentialsProvider.create(AwsBasicCredentials.create(k, k)))
                .orElseGet(() -> DefaultCredentialsProvider.builder().build());
    }
}
