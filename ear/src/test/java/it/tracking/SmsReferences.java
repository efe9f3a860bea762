package it.tracking;

import static it.support.LocalDynamo.item;
import static it.support.LocalDynamo.n;
import static it.support.LocalDynamo.s;

import com.switchboard.communication.RecipientChunks;
import it.support.LocalDynamo;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.PutRequest;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * Writes, straight into the sandbox's DynamoDB, what the SMS pipeline leaves after {@code Publish}
 * accepted a message (a communication with one SMS recipient in Sent and its {@code PROVIDERMSG}
 * reference), in the item shapes of docs/architecture.md — the SMS provider lives on another branch.
 */
final class SmsReferences {

    private SmsReferences() {}

    /** Returns the communication id of a new SMS communication whose recipient 0 was sent as {@code messageId}. */
    static String sentSms(String messageId, String number) {
        String id = UUID.randomUUID().toString();
        String now = Instant.now().toString();
        String pk = "COMMUNICATION#" + id;
        Map<String, AttributeValue> details = item(pk, "DETAILS");
        details.putAll(Map.of(
                "type",
                s("Communication"),
                "communicationId",
                s(id),
                "status",
                s("Sent"),
                "channels",
                AttributeValue.fromL(List.of(s("SMS"))),
                "createdAt",
                s(now),
                "createdBy",
                s("it"),
                "GSI3PK",
                s("COMMS#" + now.substring(0, 10)),
                "GSI3SK",
                s(now + "#" + id),
                "recipientCount",
                n(1),
                "urgency",
                s("normal")));
        details.putAll(Map.of(
                "count_Pending",
                n(0),
                "count_Sent",
                n(1),
                "count_Delivered",
                n(0),
                "count_Failed",
                n(0),
                "renderedText",
                s("Your car is ready."),
                "renderedHtml",
                s("")));
        Map<String, AttributeValue> recipient = new HashMap<>(RecipientChunks.key(id, 0));
        recipient.put("type", s("RecipientChunk"));
        recipient.put(
                "r",
                AttributeValue.fromM(Map.of(
                        "0",
                        AttributeValue.fromM(Map.of(
                                "index",
                                n(0),
                                "channel",
                                s("SMS"),
                                "address",
                                s(number),
                                "status",
                                s("Sent"),
                                "attempts",
                                n(1),
                                "providerMessageId",
                                s(messageId),
                                "sentAt",
                                s(now),
                                "updatedAt",
                                s(now))))));
        Map<String, AttributeValue> ref = item("PROVIDERMSG#" + messageId, "REF");
        ref.putAll(Map.of("type", s("ProviderRef"), "channel", s("SMS"), "communicationId", s(id), "index", n(0)));
        LocalDynamo.client()
                .batchWriteItem(b ->
                        b.requestItems(Map.of(LocalDynamo.TABLE, List.of(put(details), put(recipient), put(ref)))));
        return id;
    }

    private static WriteRequest put(Map<String, AttributeValue> item) {
        return WriteRequest.builder()
                .putRequest(PutRequest.builder().item(item).build())
                .build();
    }
}
