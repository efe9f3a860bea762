package com.switchboard.communication;

/** A recipient's delivery state; it only moves forward: Pending → Sent → Delivered | Failed. */
public enum RecipientStatus {
    Pending,
    Sent,
    Delivered,
    Failed;

    public boolean isTerminal() {
        return this == Delivered || this == Failed;
    }
}
