package it.scheduling;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.scheduling.DynamoScheduleStore;
import com.switchboard.store.Table;
import it.support.Switchboard;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.Sandbox;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Several servers' schedulers on one table, played by claim stores with their own server ids and
 * clocks against dynalite (a table of their own, so the running server's timer stays out of it).
 */
@ExtendWith(Switchboard.class)
class ScheduleClaimIT {
    private static final Duration LEASE = Duration.ofSeconds(30);
    private static final String TABLE = "claims-" + UUID.randomUUID().toString().substring(0, 8);
    private static DynamoDbClient dynamo;

    @BeforeAll
    static void table() {
        dynamo = DynamoDbClient.builder()
                .endpointOverride(URI.create("http://127.0.0.1:" + Sandbox.DYNAMODB_PORT))
                .region(Region.EU_WEST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("local", "local")))
                .build();
        dynamo.createTable(b -> b.tableName(TABLE)
                .billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(
                        a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("SK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GSI1PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("GSI1SK").attributeType(ScalarAttributeType.S))
                .keySchema(
                        k -> k.attributeName("PK").keyType(KeyType.HASH),
                        k -> k.attributeName("SK").keyType(KeyType.RANGE))
                .globalSecondaryIndexes(g -> g.indexName("GSI1")
                        .keySchema(
                                k -> k.attributeName("GSI1PK").keyType(KeyType.HASH),
                                k -> k.attributeName("GSI1SK").keyType(KeyType.RANGE))
                        .projection(p -> p.projectionType(ProjectionType.ALL))));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(TABLE));
    }

    @AfterAll
    static void dropTable() {
        dynamo.deleteTable(b -> b.tableName(TABLE));
        dynamo.close();
    }

    @Test
    void scheduledSendIsDispatchedOnceWhenTwoServersRace() throws Exception {
        Instant now = Instant.now();
        DynamoScheduleStore setup = store(now);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String id = UUID.randomUUID().toString();
            dynamo.putItem(b -> b.tableName(TABLE).item(setup.item(id, now.minusSeconds(1))));
            ids.add(id);
        }
        Map<String, List<String>> winners = new ConcurrentHashMap<>();
        CyclicBarrier together = new CyclicBarrier(2);
        ExecutorService servers = Executors.newFixedThreadPool(2);
        try {
            List<Future<?>> rounds = new ArrayList<>();
            for (String server : List.of("server-a", "server-b")) {
                rounds.add(servers.submit(() -> {
                    DynamoScheduleStore store = store(now);
                    List<DynamoScheduleStore.Due> due = store.due(100);
                    together.await(); // both read the index before either claims, as two timers firing at once
                    for (DynamoScheduleStore.Due d : due) {
                        if (store.claim(d.communicationId(), server, LEASE)) {
                            winners.computeIfAbsent(d.communicationId(), k -> new ArrayList<>())
                                    .add(server);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> round : rounds) {
                round.get();
            }
        } finally {
            servers.shutdown();
        }
        for (String id : ids) {
            assertEquals(
                    1,
                    winners.getOrDefault(id, List.of()).size(),
                    "item " + id + " claimed by exactly one server: " + winners.get(id));
        }
        assertTrue(store(now).due(100).isEmpty(), "claimed items are no longer offered as due while their lease runs");
    }

    @Test
    void aClaimWhoseServerDiedIsTakenOverWhenItsLeaseEnds() {
        Instant t = Instant.now();
        String id = UUID.randomUUID().toString();
        dynamo.putItem(b -> b.tableName(TABLE).item(store(t).item(id, t.minusSeconds(1))));
        assertTrue(store(t).claim(id, "server-dead", LEASE), "the first server claims the due item");

        DynamoScheduleStore during = store(t.plus(LEASE).minusSeconds(1));
        assertFalse(
                during.due(100).stream().anyMatch(d -> d.communicationId().equals(id)),
                "not offered while the lease runs");
        assertFalse(during.claim(id, "server-b", LEASE), "not claimable while the lease runs");

        DynamoScheduleStore after = store(t.plus(LEASE).plusSeconds(1));
        assertTrue(
                after.due(100).stream().anyMatch(d -> d.communicationId().equals(id)),
                "offered again once the lease ended");
        assertTrue(after.claim(id, "server-b", LEASE), "another server takes it over");
        assertFalse(after.claim(id, "server-c", LEASE), "and holds it against a third");
    }

    @Test
    void anItemIsNotClaimedBeforeItIsDue() {
        Instant t = Instant.now();
        String id = UUID.randomUUID().toString();
        dynamo.putItem(b -> b.tableName(TABLE).item(store(t).item(id, t.plusSeconds(60))));
        assertFalse(
                store(t).due(100).stream().anyMatch(d -> d.communicationId().equals(id)),
                "not offered before its time");
        assertFalse(store(t).claim(id, "server-a", LEASE), "not claimable before its time");
        assertTrue(store(t.plusSeconds(61)).claim(id, "server-a", LEASE), "claimable once due");
    }

    private static DynamoScheduleStore store(Instant now) {
        Table table = new Table() {
            @Override
            public String name() {
                return TABLE;
            }
        };
        return new DynamoScheduleStore(dynamo, table, Clock.fixed(now, ZoneOffset.UTC));
    }
}
