package it.scheduling;

import static it.scheduling.ScheduledSendIT.email;
import static it.scheduling.ScheduledSendIT.mailsTo;
import static it.scheduling.ScheduledSendIT.unique;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.switchboard.channel.Channel;
import com.switchboard.communication.DeliveryTicket;
import com.switchboard.scheduling.DynamoScheduleStore;
import com.switchboard.store.Table;
import it.support.LocalDynamo;
import it.support.ServerVariableOverride;
import it.support.Switchboard;
import it.support.Tracking;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * What the running server's scheduler does with a SCHEDULE item left claimed by a server that died
 * (written here behind the API, its lease over): an immediate send whose batched delete never came
 * is not sent again, and a scheduled send claimed but never queued goes out once. Such items are
 * found by the sweep of the due shards, shortened here to a second (80 s by default).
 */
@ExtendWith(Switchboard.class)
class ScheduleRecoveryIT {
    private static ServerVariableOverride sweep;

    @BeforeAll
    static void sweepEverySecond() throws IOException {
        sweep = ServerVariableOverride.set("schedule-recovery", "scheduler.sweep.seconds", "1");
    }

    @AfterAll
    static void sweepAsConfigured() {
        sweep.close();
    }

    private static final DynamoScheduleStore ITEMS = new DynamoScheduleStore(
            LocalDynamo.client(),
            new Table() {
                @Override
                public String name() {
                    return LocalDynamo.TABLE;
                }
            },
            Clock.systemUTC());

    @Test
    void aLeftoverItemOfAnAlreadyQueuedSendIsRemovedWithoutSendingAgain() {
        String to = unique("leftover");
        String id = Tracking.send(email(to, null));
        Tracking.awaitRecipientAccepted(id, 0);
        await().atMost(Duration.ofSeconds(10)).alias("one mail to " + to).until(() -> mailsTo(to) == 1);

        putDeadServersClaim(ITEMS.item(id, Instant.now().minusSeconds(40)));

        await().atMost(Duration.ofSeconds(10))
                .alias("the scheduler takes the leftover item of " + id + " over and removes it")
                .until(() -> !scheduleItemExists(id));
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .alias("still exactly one mail to " + to)
                .until(() -> mailsTo(to) == 1);
    }

    @Test
    void aScheduledSendClaimedByAServerThatDiedGoesOutOnceAfterItsLease() {
        String to = unique("orphan");
        String id = Tracking.send(email(to, Instant.now().plus(Duration.ofHours(1))));
        assertEquals("Scheduled", Tracking.communication(id).getString("status"), "it waits for its time");

        // its time came, a server claimed it and died before queueing; the claim's lease is over
        putDeadServersClaim(
                ITEMS.item(id, Instant.now().minusSeconds(40), List.of(new DeliveryTicket(id, 0, Channel.Email))));

        Tracking.awaitRecipientAccepted(id, 0);
        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(3))
                .alias("exactly one mail to " + to)
                .until(() -> mailsTo(to) == 1);
        await().atMost(Duration.ofSeconds(5))
                .alias("the communication leaves Scheduled")
                .until(() -> !"Scheduled".equals(Tracking.communication(id).getString("status")));
        await().atMost(Duration.ofSeconds(5))
                .alias("its schedule item is removed")
                .until(() -> !scheduleItemExists(id));
    }

    private static void putDeadServersClaim(Map<String, AttributeValue> item) {
        item.put("claimedBy", AttributeValue.fromS("server-dead"));
        item.put(
                "claimUntil",
                AttributeValue.fromN(
                        Long.toString(Instant.now().minusSeconds(10).toEpochMilli())));
        LocalDynamo.client().putItem(b -> b.tableName(LocalDynamo.TABLE).item(item));
    }

    private static boolean scheduleItemExists(String id) {
        return LocalDynamo.client()
                .getItem(b -> b.tableName(LocalDynamo.TABLE)
                        .consistentRead(true)
                        .key(Map.of(
                                "PK",
                                AttributeValue.fromS("COMMUNICATION#" + id),
                                "SK",
                                AttributeValue.fromS("SCHEDULE"))))
                .hasItem();
    }
}
