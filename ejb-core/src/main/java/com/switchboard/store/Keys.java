package com.switchboard.store;

/**
 * Partition keys that items of several features share. Everything about one communication (its
 * DETAILS, recipient chunks, count items, schedule, fan-out chunks, events, digest link) lives in
 * the partition {@code COMMUNICATION#<id>}, so one Query reads it all; its sort keys belong to the
 * store that writes them.
 */
public final class Keys {
    private static final String COMMUNICATION = "COMMUNICATION#";

    private Keys() {}

    public static String communication(String communicationId) {
        return COMMUNICATION + communicationId;
    }

    /** The communication id of a {@code COMMUNICATION#<id>} partition key. */
    public static String communicationId(String pk) {
        return pk.substring(COMMUNICATION.length());
    }
}
