package com.switchboard.store;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * When items that only record what happened expire: DynamoDB's TTL deletes an item some time after
 * the epoch second in its {@link #ATTRIBUTE}, so the table stops growing without a cleanup scan.
 * <ul>
 * <li>{@code retention.communications.days} after it was created: a communication ({@code DETAILS}),
 * its recipient chunks, {@code EVENT#} items, {@code FANOUT#} chunks, digest link, its
 * {@code PROVIDERMSG#} references and in-app notes (each from when it was written);</li>
 * <li>{@code retention.webhook.attempts.days} after the attempt: outbound webhook attempts.</li>
 * </ul>
 * Idempotency keys expire after a day on the same attribute. Kept for good, so never given it:
 * preferences, suppressions, consent history, templates, API keys, webhook subscriptions, leases,
 * budgets and analytics counters. DynamoDB allows one TTL attribute per table, which production
 * enables in its infrastructure code ({@link TableBootstrap} does it only for the local table).
 */
@ApplicationScoped
public class Retention {
    /** The table's TTL attribute: epoch seconds, as DynamoDB's TTL reads it. */
    public static final String ATTRIBUTE = "expiresAt";

    @Inject
    @ConfigProperty(name = "retention.communications.days", defaultValue = "400")
    long communicationDays;

    @Inject
    @ConfigProperty(name = "retention.webhook.attempts.days", defaultValue = "30")
    long webhookAttemptDays;

    Retention() {
        // for CDI
    }

    /** For tests outside the container. */
    public Retention(long communicationDays, long webhookAttemptDays) {
        this.communicationDays = communicationDays;
        this.webhookAttemptDays = webhookAttemptDays;
    }

    /** Expiry of an item of a communication written at {@code at}. */
    public AttributeValue communicationExpiry(Instant at) {
        return expiry(at, communicationDays);
    }

    /** {@link #communicationExpiry(Instant)} of an ISO-8601 instant, as the items store their times. */
    public AttributeValue communicationExpiry(String at) {
        return communicationExpiry(Instant.parse(at));
    }

    /** Expiry of a webhook delivery attempt made at {@code at}. */
    public AttributeValue webhookAttemptExpiry(Instant at) {
        return expiry(at, webhookAttemptDays);
    }

    private static AttributeValue expiry(Instant at, long days) {
        return Items.n(at.plus(Duration.ofDays(days)).getEpochSecond());
    }
}
