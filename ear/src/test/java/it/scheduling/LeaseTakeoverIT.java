package it.scheduling;

import static it.scheduling.ScheduledSendIT.mailsTo;
import static it.scheduling.ScheduledSendIT.unique;
import static it.support.LocalDynamo.item;
import static it.support.LocalDynamo.n;
import static it.support.LocalDynamo.s;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.RecipientChunks;
import com.switchboard.store.Shards;
import com.switchboard.store.Table;
import it.support.LocalDynamo;
import it.support.Switchboard;
import it.support.Tracking;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A server that accepted a send and is gone for good (its messaging store with it): what it leaves
 * in DynamoDB, written here behind the API, is a communication already Sent whose recipient chunk
 * it owns, a Pending recipient whose ticket no queue holds any more, and its lease, run out. The
 * running server takes the chunk over at its next lease round (every 10 s in the local profile) and
 * delivers the recipient once; nothing else would ever send it.
 */
@ExtendWith(Switchboard.class)
class LeaseTakeoverIT {

    @Test
    void theRecipientsOfAServerWhoseLeaseRanOutAreDeliveredOnceByAnother() {
        String gone = "server-gone-" + UUID.randomUUID();
        String id = UUID.randomUUID().toString();
        String address = unique("orphan");
        String now = Instant.now().toString();
        Map<String, AttributeValue> details = item("COMMUNICATION#" + id, "DETAILS");
        details.putAll(Map.of(
                "type",
                s("Communication"),
                "communicationId",
                s(id),
                "status",
                s("Sent"),
                "channels",
                AttributeValue.fromL(List.of(s("Email"))),
                "createdAt",
                s(now),
                "createdBy",
                s("it"),
                Table.GSI3PK,
                s(DynamoCommunicationStore.dayPartition(now.substring(0, 10), new Shards(Shards.DEFAULT).of(id))),
                Table.GSI3SK,
                s(now + "#" + id),
                "recipientCount",
                n(1),
                "urgency",
                s("normal")));
        details.putAll(Map.of(
                "count_Pending",
                n(1),
                "count_Sent",
                n(0),
                "count_Delivered",
                n(0),
                "count_Failed",
                n(0),
                "renderedSubject",
                s("Your car is ready"),
                "renderedText",
                s("Your car is ready."),
                "renderedHtml",
                s("")));
        Map<String, AttributeValue> chunk = new HashMap<>(RecipientChunks.key(id, 0));
        chunk.putAll(Map.of(
                "type",
                s("RecipientChunk"),
                "owner",
                s(gone),
                "pending",
                n(1),
                Table.GSI2PK,
                s(RecipientChunks.ownerPartition(gone, id, "CHUNK#00000")),
                Table.GSI2SK,
                s(id + "#CHUNK#00000"),
                "r",
                AttributeValue.fromM(Map.of(
                        "0",
                        AttributeValue.fromM(Map.of(
                                "index",
                                n(0),
                                "channel",
                                s("Email"),
                                "address",
                                s(address),
                                "status",
                                s("Pending"),
                                "attempts",
                                n(0),
                                "updatedAt",
                                s(now)))))));
        Map<String, AttributeValue> lease = item("SERVERS", gone);
        lease.putAll(Map.of(
                "type",
                s("ServerLease"),
                "aliveUntil",
                n(Instant.now().minusSeconds(5).toEpochMilli())));
        for (Map<String, AttributeValue> i : List.of(details, chunk, lease)) {
            LocalDynamo.client().putItem(b -> b.tableName(LocalDynamo.TABLE).item(i));
        }

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .alias("the orphaned recipient is delivered")
                .until(() -> mailsTo(address) == 1);
        Tracking.awaitRecipient(id, 0, "Sent");
        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(4))
                .alias("once")
                .until(() -> mailsTo(address) == 1);
        var taken = LocalDynamo.client()
                .getItem(b -> b.tableName(LocalDynamo.TABLE)
                        .key(RecipientChunks.key(id, 0))
                        .consistentRead(true))
                .item();
        assertNotEquals(gone, taken.get("owner").s(), "the chunk now belongs to the server that took it over");
        assertFalse(
                LocalDynamo.client()
                        .getItem(b -> b.tableName(LocalDynamo.TABLE)
                                .key(item("SERVERS", gone))
                                .consistentRead(true))
                        .hasItem(),
                "the gone server's lease is forgotten once its work is taken over");
        assertEquals(0, Long.parseLong(taken.get("pending").n()), "nothing of the chunk is Pending any more");
    }
}
