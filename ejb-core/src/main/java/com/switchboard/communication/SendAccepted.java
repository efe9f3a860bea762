package com.switchboard.communication;

/** The outcome of an accepted send: its id, and whether it was a replay of an earlier request. */
public record SendAccepted(String communicationId, boolean replay, String status) {
}
