package com.switchboard.integration;

import java.util.Arrays;
import java.util.Optional;

/**
 * What a webhook subscriber can ask to be told about, by its wire name. {@code opted-out} replaces
 * {@code failed} for a recipient that failed because its address opted out; {@code inbound} is a
 * customer's message ({@link InboundWebhookEvent}).
 */
public enum WebhookEventType {
    SENT("sent"),
    DELIVERED("delivered"),
    FAILED("failed"),
    READ("read"),
    OPTED_OUT("opted-out"),
    /** A customer wrote to us (SMS or WhatsApp): not about a recipient, about a conversation. */
    INBOUND("inbound");

    private final String wireName;

    WebhookEventType(String wireName) {
        this.wireName = wireName;
    }

    public String wireName() {
        return wireName;
    }

    public static Optional<WebhookEventType> parse(String name) {
        return Arrays.stream(values()).filter(t -> t.wireName.equals(name)).findFirst();
    }
}
