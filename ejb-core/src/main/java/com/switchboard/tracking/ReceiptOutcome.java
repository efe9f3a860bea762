package com.switchboard.tracking;

/** What a provider receipt means for the recipient's status; everything else is an event only. */
public enum ReceiptOutcome {
    /** The provider reports the message reached the person. */
    Delivered,
    /** The provider gave up on the message (hard or soft bounce, rejection, carrier failure). */
    Failed,
    /** Worth recording (sent, delay, open, click, complaint, intermediate carrier state), no status change. */
    Event
}
