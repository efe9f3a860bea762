package com.switchboard.conversation;

/**
 * A customer's message was recorded for the first time in {@code thread} (its summary as it now
 * is). Observed on the receiving thread: webhook subscribers' {@code inbound} event, live console
 * pages.
 */
public record InboundReceived(ConversationThread thread, ThreadMessage message) {}
