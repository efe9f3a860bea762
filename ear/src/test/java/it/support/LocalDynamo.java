package it.support;

import java.net.URI;
import java.util.HashMap;
import java.util.Map;
import sandbox.Sandbox;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/** The sandbox's DynamoDB peer seen from a test, for the few tests that must read or change items behind the API's back. */
public final class LocalDynamo {
    public static final String TABLE = "switchboard";
    private static final DynamoDbClient CLIENT = DynamoDbClient.builder()
            .endpointOverride(URI.create("http://127.0.0.1:" + Sandbox.DYNAMODB_PORT))
            .region(Region.EU_WEST_1)
            .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
            .build();

    private LocalDynamo() {}

    public static DynamoDbClient client() {
        return CLIENT;
    }

    /** A new item with its keys, for a test to fill and put. */
    public static Map<String, AttributeValue> item(String pk, String sk) {
        Map<String, AttributeValue> item = new HashMap<>();
        item.put("PK", s(pk));
        item.put("SK", s(sk));
        return item;
    }

    public static AttributeValue s(String v) {
        return AttributeValue.fromS(v);
    }

    public static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
