package com.switchboard.communication;

import java.util.List;
import java.util.Map;

/**
 * The body of {@code POST /communications/send}, in the seed's shape. Enumerations and times are
 * strings here so that a wrong value is reported against its field rather than as unreadable JSON.
 */
public record SendRequest(String vehicleId, String customerId, List<String> channels, String primaryChannel,
        Message message, List<Recipient> recipients, List<String> stakeholderIds, String scheduledAt, String urgency) {

    /** What to say: literal subject and content, or a template with its variables. */
    public record Message(String subject, String content, String templateId, String locale,
            Map<String, Object> variables) {
    }

    /** Someone to reach on a channel at an address, optionally naming the stakeholder. */
    public record Recipient(String channel, String address, String stakeholderId) {
    }
}
