package com.switchboard.channel;

/** What came of handing a delivery to its provider. */
public sealed interface ProviderResult {

    /** The provider took it; its id lets receipts find the recipient. */
    record Accepted(String providerMessageId) implements ProviderResult {}

    /** Not now: the provider's retries gave up, another attempt later may succeed. */
    record Retryable(String reason) implements ProviderResult {}

    /**
     * Not tried: the provider's circuit is open, so the call never left. Spends no attempt; the
     * ticket waits for the circuit to half-open (or falls back, where a chain is configured).
     */
    record CircuitOpen(String reason) implements ProviderResult {}

    /** Never: the recipient fails with this reason. */
    record Permanent(String reason) implements ProviderResult {}
}
