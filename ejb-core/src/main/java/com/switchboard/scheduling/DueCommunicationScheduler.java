package com.switchboard.scheduling;

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
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Every {@code scheduler.interval.seconds} hands over to {@link DueDispatchService}. A calendar
 * timer made at start instead of {@code @Schedule}, whose interval could not come from config;
 * non-persistent (enterpriseBeansLite ignores persistent ones). No JTA transaction: the JMS
 * sends commit their own local transactions.
 */
@Singleton
@Startup
@DependsOn("TableBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class DueCommunicationScheduler {
    private static final Logger LOG = Logger.getLogger(DueCommunicationScheduler.class.getName());

    @Resource
    TimerService timers;

    @Inject
    DueDispatchService dueDispatch;

    @Inject
    @ConfigProperty(name = "scheduler.interval.seconds", defaultValue = "1")
    int intervalSeconds;

    @PostConstruct
    void start() {
        timers.createCalendarTimer(
                new ScheduleExpression().hour("*").minute("*").second("*/" + intervalSeconds),
                new TimerConfig("due-communications", false));
    }

    @Timeout
    void dispatchDue() {
        try {
            dueDispatch.dispatchDue();
        } catch (RuntimeException e) {
            // a failed timeout of a non-persistent timer is retried only every 5 minutes, holding the
            // timer back meanwhile: a DynamoDB outage of seconds would stop scheduled sends for minutes.
            // The next tick (scheduler.interval.seconds) tries again, and due items stay due until claimed.
            LOG.warning(() -> "could not look for due communications: " + e.getMessage());
        }
    }
}
