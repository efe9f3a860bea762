package com.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.switchboard.error.StoreUnavailableException;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;

/** The SDK client as the producer builds it, against a port nobody listens on: the caller sees the domain's exception. */
class StoreUnavailableTranslatorTest {

    @Test
    void anUnreachableStoreIsReportedAsUnavailableWithTheSdkFailureAsItsCause() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        try (DynamoDbClient dynamo = StoreUnavailableTranslator.translating(DynamoDbClient.builder()
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .endpointOverride(URI.create("http://127.0.0.1:" + closedPort))
                .httpClientBuilder(ApacheHttpClient.builder())
                .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1)))
                .build())) {
            StoreUnavailableException e = assertThrows(StoreUnavailableException.class, () -> dynamo.listTables());
            assertInstanceOf(SdkClientException.class, e.getCause());
            // a paginator runs as the interface's default method: its page requests come back through the proxy
            assertThrows(
                    StoreUnavailableException.class,
                    () -> dynamo.listTablesPaginator().tableNames().iterator().next());
            assertThrows(
                    StoreUnavailableException.class,
                    () -> dynamo.getItem(b -> b.tableName("t").key(java.util.Map.of())));
        }
    }
}
