package com.switchboard.tracking;

import com.switchboard.communication.RecipientStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Who on this server watches a communication live (the console's pages, through their socket): each
 * recipient move announced here is handed to the watchers of its communication. A watcher must not
 * block (the move's thread calls it) and is told only that something moved; it reads the rest.
 * Moves made on another server reach only that server's watchers.
 */
@ApplicationScoped
public class StatusWatchers {
    private static final Logger LOG = Logger.getLogger(StatusWatchers.class.getName());

    private final Map<String, Set<Consumer<RecipientStatusChanged>>> watchers = new ConcurrentHashMap<>();

    public void watch(String communicationId, Consumer<RecipientStatusChanged> watcher) {
        watchers.computeIfAbsent(communicationId, id -> ConcurrentHashMap.newKeySet())
                .add(watcher);
    }

    public void unwatch(String communicationId, Consumer<RecipientStatusChanged> watcher) {
        watchers.computeIfPresent(communicationId, (id, set) -> {
            set.remove(watcher);
            return set.isEmpty() ? null : set;
        });
    }

    void moved(@Observes RecipientStatusChanged change) {
        Set<Consumer<RecipientStatusChanged>> those = watchers.get(change.communicationId());
        if (those == null) {
            return;
        }
        for (Consumer<RecipientStatusChanged> watcher : those) {
            try {
                watcher.accept(change);
            } catch (RuntimeException e) {
                LOG.log(Level.FINE, "a live watcher failed; the move stands", e);
            }
        }
    }
}
