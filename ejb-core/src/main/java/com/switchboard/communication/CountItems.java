package com.switchboard.communication;

import static com.switchboard.store.Items.key;
import static com.switchboard.store.Items.n;
import static com.switchboard.store.Items.num;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Which items hold a communication's per-status counts. A send's count moves are about one write per
 * receipt batch; on one item that caps a very large send near the per-item write limit of DynamoDB
 * once many servers take its receipts. So a send of more than {@code counts.spread.recipients}
 * recipients keeps its counts on {@code n} items ({@code n} up to {@value #MAX}, one per that many
 * recipients, at most one per chunk): item 0 is {@code DETAILS}, item {@code k} is {@code COUNTS#k},
 * both in the communication's partition. A recipient planned at accept counts on the item of its
 * chunk modulo {@code n}, so each item's Pending and Sent are exact for its chunks and the whole send is
 * still open while any item is; recipients added later (fallbacks) count on {@code DETAILS}, as they
 * are added there. Totals are the sums over the items.
 */
public record CountItems(int items, int planned) {
    public static final int MAX = 16;
    static final int DEFAULT_SPREAD = 5000;
    /** The statuses counted, in the order views show them. */
    public static final List<String> STATUSES = List.of("Pending", "Sent", "Delivered", "Failed");

    private static final String SK_PREFIX = "COUNTS#";
    /** On a recipient's entry: the count item of its moves, when not 0. */
    static final String ENTRY_ATTRIBUTE = "countItem";

    /** One item, {@code DETAILS}: every send up to {@code counts.spread.recipients} recipients. */
    public static final CountItems SINGLE = new CountItems(1, 0);

    /** The items for a send of {@code recipients} planned recipients. */
    static CountItems forSend(int recipients, int perItem) {
        int chunks = (recipients + RecipientChunks.SIZE - 1) / RecipientChunks.SIZE;
        int n = perItem <= 0 ? 1 : Math.min(Math.min(MAX, chunks), (recipients + perItem - 1) / perItem);
        return n <= 1 ? SINGLE : new CountItems(n, recipients);
    }

    /** As {@code DETAILS} records them ({@code countItems}, {@code plannedRecipients}); absent: one. */
    static CountItems of(Map<String, AttributeValue> details) {
        int n = details.containsKey("countItems") ? (int) num(details, "countItems") : 1;
        return n <= 1 ? SINGLE : new CountItems(n, (int) num(details, "plannedRecipients"));
    }

    boolean spread() {
        return items > 1;
    }

    /** The item that counts recipient {@code index}'s moves. */
    int itemOf(int index) {
        return items == 1 || index >= planned ? 0 : RecipientChunks.chunkOf(index) % items;
    }

    /** The sort key of item {@code k}. */
    static String sk(int k) {
        return k == 0 ? DynamoCommunicationStore.DETAILS : SK_PREFIX + k;
    }

    /** The keys of the communication's count items, {@code DETAILS} first. */
    List<Map<String, AttributeValue>> keys(String id) {
        List<Map<String, AttributeValue>> keys = new ArrayList<>();
        for (int k = 0; k < items; k++) {
            keys.add(key(DynamoCommunicationStore.pk(id), sk(k)));
        }
        return keys;
    }

    /** Sets the counts of a new count item: {@code pending} recipients Pending, none elsewhere. */
    static void initial(Map<String, AttributeValue> item, int pending) {
        for (String status : STATUSES) {
            item.put("count_" + status, n(status.equals("Pending") ? pending : 0));
        }
    }

    static boolean isCountItem(String sk) {
        return sk != null && sk.startsWith(SK_PREFIX);
    }

    /** Planned recipients counted on item {@code k}, all Pending at accept. */
    int plannedOn(int k) {
        int count = 0;
        int chunks = (planned + RecipientChunks.SIZE - 1) / RecipientChunks.SIZE;
        for (int chunk = k; chunk < chunks; chunk += items) {
            count += Math.min(RecipientChunks.SIZE, planned - chunk * RecipientChunks.SIZE);
        }
        return count;
    }

    /** The count item of the recipient whose entry is {@code entry}. */
    static int itemOfEntry(Map<String, AttributeValue> entry) {
        return entry == null ? 0 : (int) num(entry, ENTRY_ATTRIBUTE);
    }

    /** Whether a count item still has recipients on their way (Pending or Sent). */
    static boolean open(Map<String, AttributeValue> item) {
        return num(item, "count_Pending") + num(item, "count_Sent") > 0;
    }

    /** The counts summed over {@code items}, by status. */
    static Map<String, Long> sum(Collection<Map<String, AttributeValue>> items) {
        Map<String, Long> sums = new LinkedHashMap<>();
        for (String k : STATUSES) {
            sums.put(k, items.stream().mapToLong(i -> num(i, "count_" + k)).sum());
        }
        return sums;
    }
}
