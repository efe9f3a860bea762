package com.switchboard.coordination.timing;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code held.interval.seconds} (5: digests and quiet hours are set in minutes) hands over to {@link DueHeldService}: digests due and
 * quiet hours ended. Non-persistent, without a JTA transaction, like the scheduled-send timer. A
 * round that fails (DynamoDB unreachable) is logged, not thrown: Liberty retries a failed
 * non-persistent timeout only after {@code nonPersistentRetryInterval} (300 s by default) and skips
 * the regular rounds meanwhile, while the next round, a second later, is the retry we want.
 */
@Singleton
@Startup
@DependsOn("TableBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class HeldDeliveryScheduler {
    private static final Logger LOG = Logger.getLogger(HeldDeliveryScheduler.class.getName());

    @Resource
    TimerService timers;

    @Inject
    DueHeldService dueHeld;

    @Inject
    @ConfigProperty(name = "held.interval.seconds", defaultValue = "5")
    int intervalSeconds;

    @PostConstruct
    void start() {
        timers.createCalendarTimer(
                new ScheduleExpression().hour("*").minute("*").second("*/" + intervalSeconds),
                new TimerConfig("held-deliveries", false));
    }

    @Timeout
    void releaseDue() {
        try {
            dueHeld.releaseDue();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "held deliveries not checked this round; trying again next round", e);
        }
    }
}
