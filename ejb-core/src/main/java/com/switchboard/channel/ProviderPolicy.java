package com.switchboard.channel;

/**
 * The fault-tolerance policy of a provider's {@code send}, declared once per kind of provider and
 * named by each provider's annotations (MicroProfile annotations take constants only). A remote
 * provider (SMTP relay, SNS, Graph API, chat webhook) retries a transient failure 3 times within
 * its timeout, opens its circuit when half of its last 20 calls failed transiently and tries again
 * after 10 s, and lets {@link #REMOTE_CONCURRENCY} calls run at once; a permanent failure is neither
 * retried nor counted against the circuit. The in-app provider writes to our own store: a short
 * retry, nothing more. An operator may still tune one provider through MicroProfile Config
 * ({@code <class>/send/Retry/maxRetries=5}).
 */
public final class ProviderPolicy {
    public static final int REMOTE_RETRIES = 3;
    public static final long REMOTE_RETRY_DELAY_MS = 300;
    public static final long REMOTE_RETRY_JITTER_MS = 150;
    public static final long REMOTE_TIMEOUT_MS = 20_000;
    public static final int CIRCUIT_VOLUME = 20;
    public static final double CIRCUIT_FAILURE_RATIO = 0.5;
    public static final long CIRCUIT_DELAY_MS = 10_000;
    public static final int CIRCUIT_SUCCESSES = 2;
    public static final int REMOTE_CONCURRENCY = 32;
    /** Chat webhooks are rate-limited per hook by Slack and Teams: fewer at once. */
    public static final int WEBHOOK_CONCURRENCY = 16;

    public static final int LOCAL_RETRIES = 2;
    public static final long LOCAL_RETRY_DELAY_MS = 200;
    public static final long LOCAL_RETRY_JITTER_MS = 100;

    private ProviderPolicy() {}
}
