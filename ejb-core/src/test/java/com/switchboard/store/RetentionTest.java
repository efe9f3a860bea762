package com.switchboard.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.junit.jupiter.api.Test;

class RetentionTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:15:30.250Z");
    private final Retention retention = new Retention(400, 30);

    @Test
    void communicationItemsExpireTheConfiguredDaysAfterCreationInEpochSeconds() {
        assertEquals(
                Long.toString(T0.getEpochSecond() + 400L * 86_400),
                retention.communicationExpiry(T0).n(),
                "a number attribute in whole seconds, as DynamoDB's TTL reads it");
    }

    @Test
    void theStoredIsoTimeGivesTheSameExpiryAsTheInstant() {
        assertEquals(retention.communicationExpiry(T0), retention.communicationExpiry(T0.toString()));
        assertEquals(
                retention.communicationExpiry(Instant.parse("2026-03-01T10:15:30Z")),
                retention.communicationExpiry("2026-03-01T10:15:30.000Z"),
                "the inbox's fixed-width times parse too");
        assertThrows(DateTimeParseException.class, () -> retention.communicationExpiry("2026-03-01"));
    }

    @Test
    void webhookAttemptsHaveTheirOwnShorterRetention() {
        assertEquals(
                Long.toString(T0.getEpochSecond() + 30L * 86_400),
                retention.webhookAttemptExpiry(T0).n());
        assertEquals(
                Long.toString(T0.getEpochSecond() + 7L * 86_400),
                new Retention(400, 7).webhookAttemptExpiry(T0).n(),
                "the day count comes from configuration");
    }

    @Test
    void everyKindSharesTheIdempotencyKeysAttribute() {
        assertEquals("expiresAt", Retention.ATTRIBUTE, "DynamoDB allows one TTL attribute per table");
    }
}
