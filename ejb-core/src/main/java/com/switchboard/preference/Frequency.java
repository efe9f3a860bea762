package com.switchboard.preference;

/** How often a stakeholder wants to hear on a channel: at once, or collected into a digest. */
public enum Frequency {
    Immediate,
    Daily,
    Weekly
}
