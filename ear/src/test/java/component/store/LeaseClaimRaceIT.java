package component.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.store.Items;
import com.switchboard.store.LeaseClaims;
import com.switchboard.store.Table;
import component.Poll;
import jakarta.inject.Inject;
import java.io.File;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * In-container: {@link LeaseClaims}, the one lease claim of schedules, quiet-hours holds and
 * digests, raced by two EJB timers standing for two servers ({@link RacingClaimers}) on a real
 * DynamoDB peer (dynalite, started in the test JVM by {@link LeasePeer}). Every due item is taken
 * exactly once, by the server its {@code claimedBy} names; a live claim keeps the other server
 * out, and an expired one lets it take the item over.
 *
 * <p>Run alone: {@code mvn -B -ntp -o verify -pl ear -am -Dear.it.skip=true -Dcomponent.test=LeaseClaimRaceIT}
 */
@ExtendWith(ArquillianExtension.class)
class LeaseClaimRaceIT {
    private static final int ITEMS = 200;

    @Deployment
    static WebArchive deployment() {
        String endpoint = LeasePeer.start();
        return ShrinkWrap.create(WebArchive.class, "lease-claims.war")
                .addClasses(LeaseClaims.class, Table.class, Items.class)
                .addClasses(LeaseResources.class, RacingClaimers.class, Poll.class)
                .addAsLibraries(LeasePeer.libraries().stream()
                        .map(java.nio.file.Path::toFile)
                        .toArray(File[]::new))
                .addAsResource(
                        new StringAsset("dynamodb.endpoint=" + endpoint + "\ndynamodb.table=" + LeasePeer.TABLE),
                        "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    RacingClaimers racing;

    @Inject
    LeaseClaims claims;

    @Inject
    DynamoDbClient dynamo;

    @Inject
    Clock clock;

    @Test
    void twoRacingTimersTakeEveryDueItemExactlyOnce() throws Exception {
        String partition = "RACE#" + System.nanoTime();
        List<String> pks = putDue(partition, ITEMS);

        assertTrue(
                racing.race(partition, Duration.ofMinutes(5), List.of("server-a", "server-b"))
                        .await(60, TimeUnit.SECONDS),
                "the timers did not finish");

        assertEquals(
                ITEMS, racing.won().size(), "items claimed: " + racing.won().size() + " of " + ITEMS);
        racing.won().forEach((pk, servers) -> assertEquals(1, servers.size(), pk + " claimed by " + servers));
        assertTrue(
                racing.attempts() > ITEMS,
                "the timers never competed for an item (" + racing.attempts() + " attempts)");
        for (String pk : pks) {
            Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(LeasePeer.TABLE)
                            .key(Items.key(pk, "ITEM"))
                            .consistentRead(true))
                    .item();
            assertEquals(racing.won().get(pk).get(0), Items.str(item, "claimedBy"), pk);
        }
        assertTrue(claims.due(partition, 10, Duration.ZERO, null).isEmpty(), "claimed items are no longer due");
    }

    @Test
    void aLiveClaimKeepsOthersOutAndAnExpiredOneIsTakenOver() throws Exception {
        String partition = "LEASE#" + System.nanoTime();
        Map<String, AttributeValue> key = Items.key(putDue(partition, 1).get(0), "ITEM");
        Instant due = clock.instant().minusSeconds(1);

        assertTrue(claims.claim(key, due, "server-a", Duration.ofSeconds(2)).isPresent());
        assertFalse(claims.claim(key, due, "server-b", Duration.ofSeconds(2)).isPresent(), "taken while held");
        assertFalse(claims.deleteUnclaimed(key), "withdrawn while held");

        assertTrue(
                Poll.until(
                        Duration.ofSeconds(10),
                        () -> !claims.due(partition, 1, Duration.ZERO, null).isEmpty()),
                "the expired claim is due again");
        Map<String, AttributeValue> before =
                claims.claim(key, due, "server-b", Duration.ofMinutes(1)).orElseThrow();
        assertEquals("server-a", Items.str(before, "claimedBy"), "the claim returns the item as it was");
        assertFalse(claims.claim(key, due, "server-a", Duration.ofMinutes(1)).isPresent(), "server-b holds it now");
    }

    private List<String> putDue(String partition, int count) {
        String dueAt = LeaseClaims.sortable(clock.instant().minusSeconds(1));
        List<String> pks = new ArrayList<>();
        List<WriteRequest> writes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            String pk = partition + "#" + i;
            pks.add(pk);
            Map<String, AttributeValue> item = new HashMap<>(Items.key(pk, "ITEM"));
            item.put("dueAt", Items.s(dueAt));
            item.put(Table.GSI1PK, Items.s(partition));
            item.put(Table.GSI1SK, Items.s(dueAt + "#" + pk));
            writes.add(WriteRequest.builder()
                    .putRequest(PutRequest.builder().item(item).build())
                    .build());
            if (writes.size() == 25 || i == count - 1) {
                List<WriteRequest> batch = List.copyOf(writes);
                dynamo.batchWriteItem(b -> b.requestItems(Map.of(LeasePeer.TABLE, batch)));
                writes.clear();
            }
        }
        return pks;
    }
}
