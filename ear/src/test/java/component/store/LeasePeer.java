package component.store;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import sandbox.Dynalite;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.GlobalSecondaryIndex;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * dynalite (in memory, on a free loopback port) with a table keyed as Switchboard's (PK/SK, GSI1),
 * started in the test JVM for the components server; stopped when the JVM ends.
 */
final class LeasePeer {
    static final String TABLE = "leases";
    private static String endpoint;

    private LeasePeer() {}

    static synchronized String start() {
        if (endpoint != null) {
            return endpoint;
        }
        try {
            int port;
            try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
                port = s.getLocalPort();
            }
            Dynalite dynalite = Dynalite.startInMemory(
                    Path.of(System.getProperty("sandbox.dir", "sandbox")), Path.of("target/component-dynalite"), port);
            Runtime.getRuntime().addShutdownHook(new Thread(dynalite::close));
            endpoint = "http://127.0.0.1:" + port;
            try (DynamoDbClient dynamo = DynamoDbClient.builder()
                    .endpointOverride(URI.create(endpoint))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .build()) {
                dynamo.createTable(b -> b.tableName(TABLE)
                        .billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(
                                attribute("PK"), attribute("SK"), attribute("GSI1PK"), attribute("GSI1SK"))
                        .keySchema(key("PK", KeyType.HASH), key("SK", KeyType.RANGE))
                        .globalSecondaryIndexes(GlobalSecondaryIndex.builder()
                                .indexName("GSI1")
                                .keySchema(key("GSI1PK", KeyType.HASH), key("GSI1SK", KeyType.RANGE))
                                .projection(p -> p.projectionType(ProjectionType.ALL))
                                .build()));
                dynamo.waiter().waitUntilTableExists(b -> b.tableName(TABLE));
            }
            return endpoint;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static AttributeDefinition attribute(String name) {
        return AttributeDefinition.builder()
                .attributeName(name)
                .attributeType(ScalarAttributeType.S)
                .build();
    }

    private static KeySchemaElement key(String name, KeyType type) {
        return KeySchemaElement.builder().attributeName(name).keyType(type).build();
    }

    /** The SDK and its HTTP client, as the EAR ships them (the build's exploded EAR). */
    static List<Path> libraries() {
        try (var jars = java.nio.file.Files.list(Path.of("target/switchboard/lib"))) {
            return jars.filter(j -> j.getFileName().toString().endsWith(".jar")).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
