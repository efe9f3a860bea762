package com.switchboard.integration;

import java.util.List;

/** The body of {@code POST /communications/webhooks}: where to post and which event types. */
public record WebhookRequest(String url, List<String> eventTypes, String description) {}
