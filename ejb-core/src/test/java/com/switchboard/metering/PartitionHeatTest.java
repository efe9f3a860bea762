package com.switchboard.metering;

import static org.junit.jupiter.api.Assertions.assertEquals;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkRequest;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.BatchWriteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemRequest;
import software.amazon.awssdk.services.dynamodb.model.DeleteItemResponse;
import software.amazon.awssdk.services.dynamodb.model.DeleteRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemRequest;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/** The accounting the benchmark's hottest-key figures rest on, fed with the SDK requests the stores send. */
class PartitionHeatTest {
    private static final String COMM = "COMMUNICATION#6f1c2a9e-0b7d-4c55-9a43-2f8e61d0c3b1";
    private static final String DAY_SHARD = "COMMS#2026-12-05#3";

    private final PartitionHeat heat = new PartitionHeat();

    @Test
    void aPutWritesTheTableOnItsPkAndEachIndexWhosePartitionKeyItCarries() {
        succeed(put(item(COMM, "DETAILS", "GSI1PK", DAY_SHARD, "GSI1SK", "2026-12-05T10:00:00Z#1")));
        succeed(put(item("INBOX#u1", "NOTE#1", "GSI2PK", "UNREAD#u1", "GSI2SK", "NOTE#1")));
        succeed(put(item(COMM, "CHUNK#0000")));

        assertEquals(2, writes("table", COMM), "DETAILS and the chunk share the communication's partition");
        assertEquals(1, writes("table", "INBOX#u1"));
        assertEquals(1, writes("GSI1", DAY_SHARD), "only DETAILS carries GSI1PK");
        assertEquals(1, total("GSI1", "writes"));
        assertEquals(1, writes("GSI2", "UNREAD#u1"));
        assertEquals(1, total("GSI2", "writes"));
    }

    @Test
    void anUpdateThatSetsGsi1pkWritesTheNewPartitionAndTheOneTheEntryLeftAndIsLearned() {
        succeed(put(item(COMM, "SCHEDULE", "GSI1PK", "STATUS#Scheduled#7", "GSI1SK", "due#1")));
        // written by name placeholder, as a store may
        succeed(UpdateItemRequest.builder()
                .tableName("switchboard")
                .key(key(COMM, "SCHEDULE"))
                .updateExpression("SET #st = :s, #g = :gpk, GSI1SK = :gsk")
                .expressionAttributeNames(Map.of("#st", "status", "#g", "GSI1PK"))
                .expressionAttributeValues(
                        Map.of(":s", s("Sending"), ":gpk", s("STATUS#Sending#7"), ":gsk", s("due#1")))
                .build());

        assertEquals(1, writes("GSI1", "STATUS#Sending#7"), "the entry's new partition");
        assertEquals(2, writes("GSI1", "STATUS#Scheduled#7"), "the put, and the delete of the entry it left");
        assertEquals(0, total("GSI2", "writes"), "GSI2 is not touched by GSI1 keys");

        succeed(UpdateItemRequest.builder()
                .tableName("switchboard")
                .key(key(COMM, "SCHEDULE"))
                .updateExpression("SET attempts = :a")
                .expressionAttributeValues(Map.of(":a", AttributeValue.fromN("2")))
                .build());
        assertEquals(
                2,
                writes("GSI1", "STATUS#Sending#7"),
                "a later update that names no index key is learned to write the new partition");
        assertEquals(2, writes("GSI1", "STATUS#Scheduled#7"), "and no longer the old one");
        assertEquals(3, writes("table", COMM), "one table write per request");
    }

    @Test
    void everyUpdateOfAGsi1ItemWritesGsi1ButGsi2OnlyWhenItsKeysAreSetOrRemoved() {
        succeed(put(item("INBOX#u1", "NOTE#1", "GSI2PK", "UNREAD#u1", "GSI2SK", "NOTE#1")));
        succeed(put(item(COMM, "DETAILS", "GSI1PK", DAY_SHARD, "GSI1SK", "x")));
        succeed(UpdateItemRequest.builder()
                .key(key(COMM, "DETAILS"))
                .updateExpression("ADD sentCount :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("25")))
                .build());
        succeed(UpdateItemRequest.builder()
                .key(key("INBOX#u1", "NOTE#1"))
                .updateExpression("SET #st = :to, #stamp = :at")
                .expressionAttributeNames(Map.of("#st", "state", "#stamp", "seenAt"))
                .expressionAttributeValues(Map.of(":to", s("Seen"), ":at", s("t")))
                .build());

        assertEquals(2, writes("GSI1", DAY_SHARD), "the put and the count ADD (GSI1 projects every attribute)");
        assertEquals(1, writes("GSI2", "UNREAD#u1"), "marking seen leaves the keys-only GSI2 entry as it is");

        // the read: DynamoInboxStore.move drops the note from the unread partition in the same write
        succeed(UpdateItemRequest.builder()
                .key(key("INBOX#u1", "NOTE#1"))
                .updateExpression("SET #st = :to, #stamp = :at REMOVE #upk, #usk")
                .expressionAttributeNames(
                        Map.of("#st", "state", "#stamp", "readAt", "#upk", "GSI2PK", "#usk", "GSI2SK"))
                .expressionAttributeValues(Map.of(":to", s("Read"), ":at", s("t")))
                .build());
        assertEquals(2, writes("GSI2", "UNREAD#u1"), "REMOVE of GSI2PK deletes the entry from its learned partition");
        assertEquals(0, total("GSI2", "unattributedWrites"));

        succeed(UpdateItemRequest.builder()
                .key(key("INBOX#u1", "NOTE#1"))
                .updateExpression("SET #st = :to")
                .expressionAttributeNames(Map.of("#st", "state"))
                .expressionAttributeValues(Map.of(":to", s("Acked")))
                .build());
        assertEquals(2, total("GSI2", "writes"), "a note out of GSI2 writes nothing there");
        assertEquals(
                0, total("GSI2", "unattributedWrites"), "nor counts as unattributed: its update names no GSI2 key");
    }

    @Test
    void aChunkClaimedAndTakenOverWritesTheOwnersGsi2PartitionsAndNeverGsi1() {
        succeed(put(item(COMM, "CHUNK#0001")));
        succeed(claim("server-a"));
        assertEquals(1, writes("GSI2", "OWNER#server-a"), "the claim puts the chunk in its owner's partition");

        succeed(UpdateItemRequest.builder()
                .key(key(COMM, "CHUNK#0001"))
                .updateExpression("SET #r.#e0.#o = :me")
                .expressionAttributeNames(Map.of("#r", "entries", "#e0", "25", "#o", "owner"))
                .expressionAttributeValues(Map.of(":me", s("server-b")))
                .build());
        assertEquals(1, total("GSI2", "writes"), "a nested owner path is not GSI2PK: the keys-only entry is untouched");

        succeed(claim("server-b"));
        assertEquals(1, writes("GSI2", "OWNER#server-b"), "the take-over moves the entry to the new owner");
        assertEquals(2, writes("GSI2", "OWNER#server-a"), "and deletes it from the gone owner's partition");
        assertEquals(0, total("GSI1", "writes"), "chunks carry no GSI1 keys");
        assertEquals(0, total("GSI1", "unattributedWrites"), "and are not of a GSI1 kind");
    }

    @Test
    void aDeleteWritesTheLearnedIndexPartitionsAndForgetsTheItem() {
        succeed(put(item(COMM, "SCHEDULE", "GSI1PK", DAY_SHARD, "GSI1SK", "x", "GSI2PK", "OWNER#a", "GSI2SK", "y")));
        succeed(DeleteItemRequest.builder().key(key(COMM, "SCHEDULE")).build());

        assertEquals(2, writes("table", COMM));
        assertEquals(2, writes("GSI1", DAY_SHARD), "the put and the delete");
        assertEquals(2, writes("GSI2", "OWNER#a"));

        succeed(UpdateItemRequest.builder()
                .key(key(COMM, "SCHEDULE"))
                .updateExpression("SET attempts = :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))
                .build());
        assertEquals(2, writes("GSI1", DAY_SHARD), "the deleted item is forgotten");
        assertEquals(
                1,
                total("GSI1", "unattributedWrites"),
                "a SCHEDULE update of an item not learned writes GSI1 somewhere unknown");
    }

    @Test
    void gsi3IsWrittenOnlyByUpdatesOfTheAttributesItProjects() {
        succeed(put(item(COMM, "DETAILS", "GSI3PK", DAY_SHARD, "GSI3SK", "2026-12-05T10:00:00Z#1")));
        succeed(UpdateItemRequest.builder()
                .key(key(COMM, "DETAILS"))
                .updateExpression("ADD #from :minus, #to :plus")
                .expressionAttributeNames(Map.of("#from", "count_Pending", "#to", "count_Sent"))
                .expressionAttributeValues(
                        Map.of(":minus", AttributeValue.fromN("-1"), ":plus", AttributeValue.fromN("1")))
                .build());
        assertEquals(1, writes("GSI3", DAY_SHARD), "a count move leaves the list entry as it is");
        assertEquals(0, total("GSI1", "writes"), "DETAILS is not in GSI1");

        succeed(UpdateItemRequest.builder()
                .key(key(COMM, "DETAILS"))
                .updateExpression("SET #s = :to, sentAt = :at")
                .conditionExpression("#s = :from")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":to", s("Sent"), ":from", s("Scheduled"), ":at", s("t")))
                .build());
        assertEquals(2, writes("GSI3", DAY_SHARD), "a status move rewrites it");

        String other = "COMMUNICATION#not-learned";
        succeed(UpdateItemRequest.builder()
                .key(key(other, "DETAILS"))
                .updateExpression("ADD count_Sent :n")
                .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))
                .build());
        assertEquals(0, total("GSI3", "unattributedWrites"), "nor does a count move of an item not learned");
        succeed(UpdateItemRequest.builder()
                .key(key(other, "DETAILS"))
                .updateExpression("SET #s = :to")
                .expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":to", s("Delivered")))
                .build());
        assertEquals(1, total("GSI3", "unattributedWrites"), "its status move writes GSI3 somewhere unknown");
    }

    @Test
    void theMeterKnowsWhatTheTableProjectsIntoGsi3() {
        assertEquals(
                java.util.Set.copyOf(com.switchboard.store.Table.GSI3_PROJECTION), DynamoRequestMeter.GSI3_PROJECTION);
        assertEquals(
                0,
                DynamoRequestMeter.indexedWrites(UpdateItemRequest.builder()
                        .key(key(COMM, "DETAILS"))
                        .updateExpression("ADD count_Sent :n")
                        .build()),
                "a count move writes no index");
        assertEquals(
                1,
                DynamoRequestMeter.indexedWrites(UpdateItemRequest.builder()
                        .key(key(COMM, "DETAILS"))
                        .updateExpression("SET #s = :to")
                        .expressionAttributeNames(Map.of("#s", "status"))
                        .build()));
    }

    @Test
    void aBatchWriteCountsEachPutAndDeleteButNoIndexWriteForItemsLeftUnprocessed() {
        WriteRequest details = WriteRequest.builder()
                .putRequest(PutRequest.builder()
                        .item(item(COMM, "DETAILS", "GSI1PK", DAY_SHARD, "GSI1SK", "x"))
                        .build())
                .build();
        WriteRequest schedule = WriteRequest.builder()
                .putRequest(PutRequest.builder()
                        .item(item(COMM, "SCHEDULE", "GSI1PK", "STATUS#Scheduled#7", "GSI1SK", "due"))
                        .build())
                .build();
        WriteRequest chunk = WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item(COMM, "CHUNK#0000")).build())
                .build();
        BatchWriteItemRequest accept = BatchWriteItemRequest.builder()
                .requestItems(Map.of("switchboard", List.of(details, schedule, chunk)))
                .build();
        record(
                accept,
                BatchWriteItemResponse.builder()
                        .unprocessedItems(Map.of("switchboard", List.of(schedule)))
                        .build());

        assertEquals(3, writes("table", COMM), "every item sent uses the partition");
        assertEquals(1, writes("GSI1", DAY_SHARD));
        assertEquals(0, writes("GSI1", "STATUS#Scheduled#7"), "the unprocessed put wrote no index");

        succeed(BatchWriteItemRequest.builder()
                .requestItems(Map.of(
                        "switchboard",
                        List.of(WriteRequest.builder()
                                .deleteRequest(DeleteRequest.builder()
                                        .key(key(COMM, "DETAILS"))
                                        .build())
                                .build())))
                .build());
        assertEquals(2, writes("GSI1", DAY_SHARD), "a batch delete writes the item's learned partition");
    }

    @Test
    void aQueryReadsThePartitionItsKeyConditionBindsOnTheIndexItNames() {
        QueryRequest due = QueryRequest.builder()
                .tableName("switchboard")
                .indexName("GSI1")
                .keyConditionExpression("GSI1PK = :p AND GSI1SK <= :upTo")
                .expressionAttributeValues(Map.of(":p", s("STATUS#Scheduled#7"), ":upTo", s("2026-12-05T10:00:00Z")))
                .build();
        record(due, QueryResponse.builder().count(12).build());
        record(due, QueryResponse.builder().count(0).build());
        record(
                QueryRequest.builder()
                        .indexName("GSI2")
                        .keyConditionExpression("#pk = :pk")
                        .expressionAttributeNames(Map.of("#pk", "GSI2PK"))
                        .expressionAttributeValues(Map.of(":pk", s("UNREAD#u1")))
                        .build(),
                QueryResponse.builder().count(3).build());
        record(
                QueryRequest.builder()
                        .keyConditionExpression("PK = :pk AND begins_with(SK, :note)")
                        .expressionAttributeValues(Map.of(":pk", s("INBOX#u1"), ":note", s("NOTE#")))
                        .build(),
                QueryResponse.builder().count(5).build());

        JsonObject gsi1 = counts("GSI1", "STATUS#Scheduled#7");
        assertEquals(2, gsi1.getInt("reads"), "one read per query request");
        assertEquals(12, gsi1.getInt("itemsRead"), "items as the answers counted them");
        assertEquals(1, counts("GSI2", "UNREAD#u1").getInt("reads"), "the name placeholder is resolved");
        assertEquals(
                1,
                counts("table", "INBOX#u1").getInt("reads"),
                "a table query reads the PK it binds, not the SK prefix");
        assertEquals(0, total("table", "writes"));
    }

    @Test
    void aConditionalWriteRefusedUsesTheTablePartitionButWritesNoIndexAndTeachesNothing() {
        succeed(put(item(COMM, "SCHEDULE", "GSI1PK", "STATUS#Scheduled#7", "GSI1SK", "due")));
        heat.sent(UpdateItemRequest.builder()
                .key(key(COMM, "SCHEDULE"))
                .updateExpression("SET GSI1PK = :g")
                .conditionExpression("attribute_not_exists(claimedBy)")
                .expressionAttributeValues(Map.of(":g", s("STATUS#Sending#1")))
                .build());
        // ConditionalCheckFailedException: no succeeded(...)
        succeed(UpdateItemRequest.builder()
                .key(key(COMM, "SCHEDULE"))
                .updateExpression("SET claimedBy = :me")
                .expressionAttributeValues(Map.of(":me", s("server-a")))
                .build());

        assertEquals(3, writes("table", COMM), "the refused write is counted on the table");
        assertEquals(0, writes("GSI1", "STATUS#Sending#1"), "but not on the index");
        assertEquals(2, writes("GSI1", "STATUS#Scheduled#7"), "the item is still known in its first partition");
    }

    @Test
    void resetStartsANewWindowButKeepsTheLearnedItemsAndTopListsTheHottestFirst() {
        for (int i = 0; i < 3; i++) {
            succeed(put(item("COMMUNICATION#" + i, "DETAILS", "GSI1PK", "COMMS#2026-12-05#" + i, "GSI1SK", "x")));
        }
        heat.reset();
        for (int i = 0; i < 3; i++) {
            for (int n = 0; n <= i; n++) {
                succeed(UpdateItemRequest.builder()
                        .key(key("COMMUNICATION#" + i, "DETAILS"))
                        .updateExpression("ADD sentCount :n")
                        .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))
                        .build());
            }
        }
        JsonObject gsi1 = top(2).getJsonObject("targets").getJsonObject("GSI1");
        assertEquals(
                6,
                gsi1.getInt("writes"),
                "only the window's writes: 1 + 2 + 3 updates, attributed through the puts before the reset");
        assertEquals(
                List.of("COMMS#2026-12-05#2", "COMMS#2026-12-05#1"),
                gsi1.getJsonArray("topWrites").stream()
                        .map(v -> v.asJsonObject().getString("key"))
                        .toList(),
                "the two hottest, hottest first");
        assertEquals(3, gsi1.getJsonArray("topWrites").getJsonObject(0).getInt("writes"));
    }

    @Test
    void itemsBeyondTheLearningBoundAreCountedUnattributed() {
        PartitionHeat small = new PartitionHeat(1);
        for (String id : new String[] {"COMMUNICATION#1", "COMMUNICATION#2"}) {
            PutItemRequest put = put(item(id, "SCHEDULE", "GSI1PK", DAY_SHARD, "GSI1SK", "x"));
            small.sent(put);
            small.succeeded(put, PutItemResponse.builder().build());
            UpdateItemRequest update = UpdateItemRequest.builder()
                    .key(key(id, "SCHEDULE"))
                    .updateExpression("ADD sentCount :n")
                    .expressionAttributeValues(Map.of(":n", AttributeValue.fromN("1")))
                    .build();
            small.sent(update);
            small.succeeded(update, UpdateItemResponse.builder().build());
        }
        JsonObject gsi1 = parse(small.top(5)).getJsonObject("targets").getJsonObject("GSI1");
        assertEquals(3, gsi1.getInt("writes"), "two puts and the update of the one item learned");
        assertEquals(1, gsi1.getInt("unattributedWrites"), "the update of the item the bound left out");
    }

    private static UpdateItemRequest claim(String server) {
        return UpdateItemRequest.builder()
                .key(key(COMM, "CHUNK#0001"))
                .updateExpression("SET #o = :o, #pk = :pk, #sk = :sk")
                .conditionExpression("attribute_exists(PK)")
                .expressionAttributeNames(Map.of("#o", "owner", "#pk", "GSI2PK", "#sk", "GSI2SK"))
                .expressionAttributeValues(
                        Map.of(":o", s(server), ":pk", s("OWNER#" + server), ":sk", s(COMM + "#CHUNK#0001")))
                .build();
    }

    private void succeed(SdkRequest request) {
        SdkResponse response = request instanceof PutItemRequest
                ? PutItemResponse.builder().build()
                : request instanceof UpdateItemRequest
                        ? UpdateItemResponse.builder().build()
                        : request instanceof DeleteItemRequest
                                ? DeleteItemResponse.builder().build()
                                : BatchWriteItemResponse.builder().build();
        record(request, response);
    }

    private void record(SdkRequest request, SdkResponse response) {
        heat.sent(request);
        heat.succeeded(request, response);
    }

    private static PutItemRequest put(Map<String, AttributeValue> item) {
        return PutItemRequest.builder().tableName("switchboard").item(item).build();
    }

    private static Map<String, AttributeValue> item(String pk, String sk, String... attributes) {
        Map<String, AttributeValue> item = key(pk, sk);
        for (int i = 0; i < attributes.length; i += 2) {
            item.put(attributes[i], s(attributes[i + 1]));
        }
        item.put("type", s("Test"));
        return item;
    }

    private static Map<String, AttributeValue> key(String pk, String sk) {
        return new HashMap<>(Map.of("PK", s(pk), "SK", s(sk)));
    }

    private static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    private JsonObject top(int n) {
        return parse(heat.top(n));
    }

    private static JsonObject parse(String json) {
        return Json.createReader(new StringReader(json)).readObject();
    }

    private long total(String target, String figure) {
        return top(0).getJsonObject("targets")
                .getJsonObject(target)
                .getJsonNumber(figure)
                .longValue();
    }

    /** The key value's counts as top(n) lists them; all zero when it is not listed. */
    private JsonObject counts(String target, String value) {
        JsonObject t = top(1000).getJsonObject("targets").getJsonObject(target);
        for (String list : new String[] {"topWrites", "topReads"}) {
            for (JsonValue v : t.getJsonArray(list)) {
                if (value.equals(v.asJsonObject().getString("key"))) {
                    return v.asJsonObject();
                }
            }
        }
        return Json.createObjectBuilder()
                .add("key", value)
                .add("writes", 0)
                .add("reads", 0)
                .add("itemsRead", 0)
                .build();
    }

    private long writes(String target, String value) {
        return counts(target, value).getJsonNumber("writes").longValue();
    }
}
