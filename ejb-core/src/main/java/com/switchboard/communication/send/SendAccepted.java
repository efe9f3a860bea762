package com.switchboard.communication.send;

/**
 * The outcome of an accepted send: its id, whether it was a replay of an earlier request, and the
 * caller's correlation id echoed back (absent when none was given).
 */
public record SendAccepted(String communicationId, boolean replay, String status, String correlationId) {}
