package com.switchboard.channel.control;

import com.switchboard.channel.Channel;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.EJB;
import jakarta.ejb.ScheduleExpression;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Registers one {@link ChannelControlMBean} per channel in the platform MBean server at start
 * (where JConsole, Admin Center and the REST connector find it) and unregisters them at stop.
 * Every {@code channel.pause.sync.seconds} it applies the pause state stored in DynamoDB, so a
 * pause made on one server holds on all, and survives a restart.
 */
@Singleton
@Startup
@DependsOn("TableBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class ChannelMBeans {
    private static final Logger LOG = Logger.getLogger(ChannelMBeans.class.getName());

    @EJB
    ChannelOperations operations;

    @Resource
    TimerService timers;

    @Inject
    @ConfigProperty(name = "channel.pause.sync.seconds", defaultValue = "5")
    int syncSeconds;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();

    @PostConstruct
    void register() {
        for (Channel channel : Channel.values()) {
            try {
                if (server.isRegistered(ChannelControl.objectName(channel))) {
                    server.unregisterMBean(
                            ChannelControl.objectName(channel)); // left by an earlier start of the application
                }
                server.registerMBean(new ChannelControl(channel, operations), ChannelControl.objectName(channel));
            } catch (JMException e) {
                throw new IllegalStateException("could not register the MBean of " + channel + ": " + e, e);
            }
        }
        timers.createCalendarTimer(
                new ScheduleExpression().hour("*").minute("*").second("*/" + syncSeconds),
                new TimerConfig("channel-pause-sync", false));
    }

    @Timeout
    void applyStoredPauses() {
        operations.applyStoredPauses();
    }

    @PreDestroy
    void unregister() {
        for (Channel channel : Channel.values()) {
            try {
                server.unregisterMBean(ChannelControl.objectName(channel));
            } catch (JMException e) {
                LOG.fine(() -> "MBean of " + channel + " was already gone: " + e);
            }
        }
    }
}
