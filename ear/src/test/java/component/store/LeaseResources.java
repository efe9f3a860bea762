package component.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import java.net.URI;
import java.time.Clock;
import org.eclipse.microprofile.config.ConfigProvider;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** What the application's store producers give LeaseClaims, pointed at the test's dynalite. */
@ApplicationScoped
public class LeaseResources {

    @Produces
    @ApplicationScoped
    DynamoDbClient dynamo() {
        return DynamoDbClient.builder()
                .endpointOverride(URI.create(ConfigProvider.getConfig().getValue("dynamodb.endpoint", String.class)))
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder().maxConnections(8))
                .build();
    }

    void close(@Disposes DynamoDbClient dynamo) {
        dynamo.close();
    }

    @Produces
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }
}
