package com.switchboard.store;

import com.switchboard.metering.CostMeter;
import com.switchboard.metering.DynamoRequestMeter;
import com.switchboard.metering.PartitionHeatMeter;
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
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClientBuilder;

/**
 * The one DynamoDB client of this server, reused by every request (its Apache connection pool is
 * the expensive part). The local profile points it at the sandbox endpoint with dummy credentials;
 * the aws profile leaves the endpoint empty and uses the default credential chain. Every request is
 * counted by {@link DynamoRequestMeter}.
 */
@ApplicationScoped
public class DynamoClientProducer {

    @Inject
    // empty in production: MicroProfile Config treats an empty value as none, so it is optional, not ""
    @ConfigProperty(name = "dynamodb.endpoint")
    Optional<String> endpoint;

    @Inject
    @ConfigProperty(name = "dynamodb.region", defaultValue = "eu-west-1")
    String region;

    @Inject
    @ConfigProperty(name = "dynamodb.static.credentials", defaultValue = "false")
    boolean staticCredentials;

    @Inject
    @ConfigProperty(name = "dynamodb.max.connections", defaultValue = "64")
    int maxConnections;

    @Inject
    @ConfigProperty(name = "dynamodb.meter.callers", defaultValue = "true")
    boolean meterCallers;

    @Inject
    CostMeter meter;

    @Inject
    PartitionHeatMeter partitionHeat;

    @Produces
    @ApplicationScoped
    DynamoDbClient dynamoDbClient() {
        DynamoDbClientBuilder builder = DynamoDbClient.builder()
                .region(Region.of(region))
                .credentialsProvider(credentials())
                .httpClientBuilder(ApacheHttpClient.builder()
                        .maxConnections(maxConnections)
                        .connectionTimeout(Duration.ofSeconds(2))
                        .socketTimeout(Duration.ofSeconds(10)))
                .overrideConfiguration(o ->
                        o.addExecutionInterceptor(new DynamoRequestMeter(meter, meterCallers, partitionHeat.heat())));
        if (endpoint.filter(e -> !e.isBlank()).isPresent()) {
            builder.endpointOverride(URI.create(endpoint.get()));
        }
        return StoreUnavailableTranslator.translating(builder.build());
    }

    void close(@Disposes DynamoDbClient client) {
        client.close();
    }

    private AwsCredentialsProvider credentials() {
        // The sandbox accepts any signature; real credentials never come from configuration here.
        return staticCredentials
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local"))
                : DefaultCredentialsProvider.builder().build();
    }
}
