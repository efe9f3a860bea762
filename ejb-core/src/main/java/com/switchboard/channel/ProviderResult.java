package com.switchboard.channel;

/** What came of handing a delivery to its provider. */
public sealed interface ProviderResult {

    /** The provider took it; its id lets receipts find the recipient. */
    record Accepted(String providerMessageId) implements ProviderResult {
    }

    /** Not now: retries or the circuit gave up, another attempt later may succeed. */
    record Retryable(String reason) implements ProviderResult {
    }

    /** Never: the recipient fails with this reason. */
    record Permanent(String reason) implements ProviderResult {
    }
}
