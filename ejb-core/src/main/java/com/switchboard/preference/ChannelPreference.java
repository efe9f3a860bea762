package com.switchboard.preference;

import jakarta.json.bind.annotation.JsonbCreator;

/**
 * One channel of a stakeholder: whether it may be used, where to reach them (an email address for
 * Email, an E.164 number for SMS and WhatsApp, a user id for InApp), how often, and whether it
 * may carry marketing ({@code marketing: false}: service messages only on this channel).
 */
public record ChannelPreference(Boolean enabled, String address, String number, String frequency, Boolean marketing) {

    /** The constructor JSON-B reads a request with; without the mark it refuses a record with several. */
    @JsonbCreator
    public ChannelPreference {}

    public ChannelPreference(Boolean enabled, String address, String number, String frequency) {
        this(enabled, address, number, frequency, null);
    }

    /** Whether marketing may go out on this channel (yes unless the stakeholder said no). */
    public boolean acceptsMarketing() {
        return marketing == null || marketing;
    }

    /** The address or number, whichever this channel uses. */
    public String destination() {
        return number != null && !number.isBlank() ? number : address;
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }
}
