package com.switchboard.metering;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.lang.management.ManagementFactory;
import java.util.logging.Logger;
import javax.management.JMException;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The server's one {@link PartitionHeat}, made and registered as {@value PartitionHeatMBean#OBJECT_NAME}
 * in the platform MBean server only when {@code dynamodb.meter.partitions} is on (the local
 * profile, for the benchmark); off, there is neither counting nor an MBean, so production pays
 * nothing and JConsole shows no empty figures. The DynamoDB client takes {@link #heat()}.
 */
@ApplicationScoped
public class PartitionHeatMeter {
    private static final Logger LOG = Logger.getLogger(PartitionHeatMeter.class.getName());

    @Inject
    @ConfigProperty(name = "dynamodb.meter.partitions", defaultValue = "false")
    boolean enabled;

    private final MBeanServer server = ManagementFactory.getPlatformMBeanServer();
    private PartitionHeat heat;

    /** The heat to count into, or null when partition heat is not metered. */
    public PartitionHeat heat() {
        return heat;
    }

    @PostConstruct
    void register() {
        if (!enabled) {
            return;
        }
        heat = new PartitionHeat();
        try {
            ObjectName name = ObjectName.getInstance(PartitionHeatMBean.OBJECT_NAME);
            if (server.isRegistered(name)) {
                server.unregisterMBean(name); // left by an earlier start of the application
            }
            server.registerMBean(heat, name);
        } catch (JMException e) {
            throw new IllegalStateException("could not register the partition heat MBean: " + e, e);
        }
    }

    /** Made at start, not at the first DynamoDB request, so the MBean is there as soon as the application is. */
    void start(@Observes @Initialized(ApplicationScoped.class) Object started) {
        // being called is the point: the container has made this bean
    }

    @PreDestroy
    void unregister() {
        if (heat == null) {
            return;
        }
        try {
            server.unregisterMBean(ObjectName.getInstance(PartitionHeatMBean.OBJECT_NAME));
        } catch (JMException e) {
            LOG.fine(() -> "partition heat MBean was already gone: " + e);
        }
    }
}
