package com.switchboard.communication;

/**
 * A communication's state, derived from its recipients once dispatched. {@code Cancelled} is set
 * only by a cancel before dispatch and never derived.
 */
public enum CommunicationStatus {
    Scheduled,
    Sent,
    Delivered,
    Failed,
    PartiallyDelivered,
    Cancelled;

    /** Derives the status from per-status recipient counts. */
    public static CommunicationStatus from(long pending, long sent, long delivered, long failed) {
        if (pending > 0 || sent > 0) {
            return Sent;
        }
        if (failed == 0) {
            return Delivered;
        }
        return delivered == 0 ? Failed : PartiallyDelivered;
    }
}
