package com.switchboard.communication;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

class CountItemsTest {
    @Test
    void aSendUpToTheSpreadCountsOnDetailsAlone() {
        assertEquals(CountItems.SINGLE, CountItems.forSend(100, 5000));
        assertEquals(CountItems.SINGLE, CountItems.forSend(5000, 5000));
        assertEquals(0, CountItems.SINGLE.itemOf(4999));
        assertEquals("DETAILS", CountItems.sk(0));
    }

    @Test
    void aLargeSendHasOneItemPerSpreadUpToSixteenAndNeverMoreThanItsChunks() {
        assertEquals(2, CountItems.forSend(10_000, 5000).items());
        assertEquals(CountItems.MAX, CountItems.forSend(1_000_000, 5000).items());
        assertEquals(3, CountItems.forSend(60, 10).items(), "60 recipients are 3 chunks of 25");
    }

    @Test
    void eachPlannedRecipientCountsOnTheItemOfItsChunkAndEveryOneIsCountedOnce() {
        CountItems counts = CountItems.forSend(1_010, 100); // 41 chunks over 11 items
        assertEquals(11, counts.items());
        assertEquals(1, counts.itemOf(25), "chunk 1");
        assertEquals(0, counts.itemOf(11 * 25), "chunk 11 wraps to item 0");
        assertEquals(0, counts.itemOf(1_010), "a recipient added after accept (a fallback) counts on DETAILS");
        for (int k = 0; k < counts.items(); k++) {
            int item = k;
            assertEquals(
                    IntStream.range(0, 1_010)
                            .filter(i -> counts.itemOf(i) == item)
                            .count(),
                    counts.plannedOn(k),
                    "item " + k + " starts with its recipients Pending");
        }
        assertEquals(
                1_010, IntStream.range(0, counts.items()).map(counts::plannedOn).sum());
    }

    @Test
    void detailsTellHowManyItemsAndTheSumIsOverAllOfThem() {
        CountItems counts = CountItems.forSend(60, 10);
        var details = Map.of(
                "countItems",
                n(3),
                "plannedRecipients",
                n(60),
                "count_Pending",
                n(0),
                "count_Sent",
                n(2),
                "count_Delivered",
                n(23));
        assertEquals(counts, CountItems.of(details));
        assertEquals(CountItems.SINGLE, CountItems.of(Map.of("count_Pending", n(1))), "a send of an earlier release");
        var other = Map.of("count_Pending", n(0), "count_Sent", n(0), "count_Delivered", n(9), "count_Failed", n(1));
        assertTrue(CountItems.open(details));
        assertFalse(CountItems.open(other));
        assertEquals(
                Map.of("Pending", 0L, "Sent", 2L, "Delivered", 32L, "Failed", 1L),
                CountItems.sum(List.of(details, other)));
    }

    private static AttributeValue n(long v) {
        return AttributeValue.fromN(Long.toString(v));
    }
}
