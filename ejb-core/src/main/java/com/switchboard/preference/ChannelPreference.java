package com.switchboard.preference;

/**
 * One channel of a stakeholder: whether it may be used, where to reach them (an email address for
 * Email, an E.164 number for SMS and WhatsApp, a user id for InApp) and how often.
 */
public record ChannelPreference(Boolean enabled, String address, String number, String frequency) {

    /** The address or number, whichever this channel uses. */
    public String destination() {
        return number != null && !number.isBlank() ? number : address;
    }

    public boolean isEnabled() {
        return enabled == null || enabled;
    }
}
