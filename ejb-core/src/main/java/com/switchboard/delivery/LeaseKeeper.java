package com.switchboard.delivery;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.Resource;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.ejb.Timeout;
import jakarta.ejb.TimerConfig;
import jakarta.ejb.TimerService;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import java.util.logging.Logger;

/**
 * Every third of {@code delivery.lease.seconds} renews this server's lease and takes over the
 * chunks of servers whose lease ran out ({@link ChunkTakeover}). Non-persistent: a timer of a
 * server that is gone must not fire anywhere else.
 */
@Singleton
@Startup
@DependsOn("TableBootstrap")
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class LeaseKeeper {
    private static final Logger LOG = Logger.getLogger(LeaseKeeper.class.getName());

    @Resource
    TimerService timers;

    @Inject
    ChunkTakeover takeover;

    @PostConstruct
    void start() {
        long every = Math.max(1000, takeover.lease().toMillis() / 3);
        timers.createIntervalTimer(0, every, new TimerConfig("server-lease", false));
    }

    @Timeout
    void renew() {
        try {
            takeover.keepLeaseAndTakeOver();
        } catch (RuntimeException e) {
            // the next round tries again; the lease is three rounds long
            LOG.warning(() -> "could not renew the server lease or take over gone servers: " + e.getMessage());
        }
    }
}
