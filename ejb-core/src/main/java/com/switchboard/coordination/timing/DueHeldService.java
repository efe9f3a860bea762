package com.switchboard.coordination.timing;

import com.switchboard.communication.DeliveryTicket;
import com.switchboard.queue.JmsDispatchQueue;
import com.switchboard.communication.ChunkOwnership;
import com.switchboard.scheduling.ServerIdentity;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * One round of the held-delivery timer: recipients whose quiet hours are over are released and
 * their tickets queued again; digests now due are sent. Each is claimed first, so of several
 * servers only one takes it; one that fails keeps its claim and is tried again after the lease.
 */
@ApplicationScoped
public class DueHeldService {
    private static final Logger LOG = Logger.getLogger(DueHeldService.class.getName());

    @Inject
    DynamoHeldDeliveryStore held;

    @Inject
    DigestService digests;

    @Inject
    JmsDispatchQueue queue;

    @Inject
    ServerIdentity server;

    @Inject
    ChunkOwnership ownership;

    @Inject
    @ConfigProperty(name = "held.batch", defaultValue = "100")
    int batch;

    public void releaseDue() {
        for (DynamoHeldDeliveryStore.QuietRelease q : held.dueQuiet(batch)) {
            if (held.claimQuiet(q, server.id(), server.lease())) {
                run("release recipient " + q.index() + " of " + q.communicationId(), () -> {
                    if (held.markReleased(q.communicationId(), q.index())) {
                        ownership.adopt(q.communicationId(), q.index(), server.id()); // its ticket goes on this server's queue
                        queue.enqueue(List.of(new DeliveryTicket(q.communicationId(), q.index(), q.channel())));
                    }
                    held.deleteQuiet(q);
                });
            }
        }
        for (DynamoHeldDeliveryStore.DigestHead d : held.dueDigests(batch)) {
            if (held.claimDigest(d, server.id(), server.lease())) {
                run("send digest " + d.pk(), () -> digests.send(d));
            }
        }
    }

    private static void run(String what, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not " + what + "; retried after the claim's lease", e);
        }
    }
}
