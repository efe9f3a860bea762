package com.switchboard.channel.inapp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class InboxNoteIdTest {
    private static final String COMMUNICATION = "0b8e2f4c-1d2e-4f60-9a1b-2c3d4e5f6a7b";

    @Test
    void aNoteIdNamesTheSortKeyOfItsNote() {
        String id = DynamoInboxStore.noteId(Instant.parse("2026-11-25T16:49:37.120Z"), COMMUNICATION, 7);
        assertTrue(id.matches("[A-Za-z0-9-]+"), "URL-safe: " + id);
        assertEquals(
                Optional.of("NOTE#2026-11-25T16:49:37.120Z#" + COMMUNICATION + "#000007"),
                DynamoInboxStore.sortKey(id));
    }

    @Test
    void notesQueuedInOrderSortInThatOrder() {
        String earlier = DynamoInboxStore.sortKey(
                        DynamoInboxStore.noteId(Instant.parse("2026-11-25T16:49:37Z"), COMMUNICATION, 0))
                .orElseThrow();
        String later = DynamoInboxStore.sortKey(
                        DynamoInboxStore.noteId(Instant.parse("2026-11-25T16:49:37.001Z"), COMMUNICATION, 0))
                .orElseThrow();
        assertTrue(earlier.compareTo(later) < 0, earlier + " before " + later);
    }

    @Test
    void anIdThatIsNotOursNamesNoNote() {
        assertEquals(Optional.empty(), DynamoInboxStore.sortKey(null));
        assertEquals(Optional.empty(), DynamoInboxStore.sortKey(COMMUNICATION + "-0"), "the old delivery-id form");
        assertEquals(Optional.empty(), DynamoInboxStore.sortKey("1764089377120-" + COMMUNICATION + "-"), "no index");
        assertEquals(
                Optional.empty(), DynamoInboxStore.sortKey("1764089377120-a#b-0"), "a key separator in the middle");
        assertEquals(Optional.empty(), DynamoInboxStore.sortKey("1764089377120--0"), "no communication");
        assertEquals(Optional.empty(), DynamoInboxStore.sortKey("x".repeat(200)), "too long");
        assertEquals(
                Optional.empty(),
                DynamoInboxStore.sortKey("99999999999999999-" + COMMUNICATION + "-0"),
                "millis out of range");
    }
}
