package com.switchboard.channel.sms;

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
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sns.SnsClient;
import software.amazon.awssdk.services.sns.SnsClientBuilder;

/**
 * The one Amazon SNS client of this server, reused by every SMS (its Apache connection pool is
 * the expensive part). The local profile points it at the sandbox WireMock with dummy
 * credentials; the aws profile leaves the endpoint empty and uses the default credential chain.
 * The SDK's own retries are off: {@link SnsSmsProvider} declares them with MicroProfile Fault
 * Tolerance, so each attempt is one request its circuit breaker sees.
 */
@ApplicationScoped
public class SnsClientProducer {

    @Inject
    // empty in production: MicroProfile Config treats an empty value as none, so it is optional, not ""
    @ConfigProperty(name = "sns.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "sns.region", defaultValue = "eu-west-1")
    String region;

    @Inject
    @ConfigProperty(name = "sns.static.credentials", defaultValue = "false")
    boolean staticCredentials;

    @Inject
    @ConfigProperty(name = "sns.max.connections", defaultValue = "32")
    int maxConnections;

    @Produces
    @ApplicationScoped
    SnsClient snsClient() {
        SnsClientBuilder builder = SnsClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .overrideConfiguration(c -> c.retryStrategy(AwsRetryStrategy.doNotRetry()))
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(maxConnections)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(5)));
        if (endpoint.filter(e -> !e.isBlank()).isPresent()) {
            builder.endpointOverride(URI.create(endpoint.get()));
        }
        return builder.build();
    }

    void close(@Disposes SnsClient client) {
        client.close();
    }

    private AwsCredentialsProvider credentials() {
        // The sandbox accepts any signature; real credentials never come from configuration here.
        return staticCredentials
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
    }
}
