package com.switchboard.store;

import com.switchboard.error.StoreUnavailableException;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.exception.SdkClientException;

/**
 * Tells a DynamoDB outage (unreachable, timing out, throttling, a 5xx) from every other SDK
 * failure. An outage passes, so callers may be told to retry later and work may wait for it; a
 * 4xx such as a ValidationException is our mistake and would fail the same way again.
 */
public final class StoreOutage {
    private StoreOutage() {}

    /** True when {@code failure}, or anything it was caused by, is DynamoDB being unavailable. */
    public static boolean isOutage(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StoreUnavailableException) {
                return true;
            }
            if (t instanceof SdkClientException) {
                return true;
            }
            if (t instanceof AwsServiceException aws) {
                return aws.isThrottlingException() || aws.statusCode() >= 500;
            }
        }
        return false;
    }
}
