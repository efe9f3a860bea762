package com.switchboard.communication;

/** A move the store made, with its change as written, which {@link RecipientMoves} announces. */
public record MovedRecipient(ChunkMove move, RecipientStatusChanged change) {}
