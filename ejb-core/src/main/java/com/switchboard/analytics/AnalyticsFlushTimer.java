package com.switchboard.analytics;

import jakarta.ejb.Schedule;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;

/**
 * Every second hands over to {@link AnalyticsRecorder#flush}, so the dashboard trails the deliveries
 * by about a second. Non-persistent (enterpriseBeansLite ignores persistent ones); no JTA
 * transaction, DynamoDB has none to join.
 */
@Singleton
@Startup
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class AnalyticsFlushTimer {

    @Inject
    AnalyticsRecorder recorder;

    @Schedule(hour = "*", minute = "*", second = "*", persistent = false)
    void flush() {
        recorder.flush();
    }
}
