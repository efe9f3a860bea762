package com.switchboard.conversation;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArraySet;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * The console pages on this server that show conversations (their live event streams), told the id
 * of a thread that changed. Fed from every server through the notifications topic
 * ({@link ConversationSignals}), so a page sees what a webhook brought to another server.
 */
@ApplicationScoped
public class ConversationWatchers {
    private static final Logger LOG = Logger.getLogger(ConversationWatchers.class.getName());

    private final Set<Consumer<String>> watchers = new CopyOnWriteArraySet<>();

    public void watch(Consumer<String> watcher) {
        watchers.add(watcher);
    }

    public void unwatch(Consumer<String> watcher) {
        watchers.remove(watcher);
    }

    /** Tells every watcher; one that fails (its page gone) is dropped. */
    public void changed(String threadId) {
        for (Consumer<String> w : watchers) {
            try {
                w.accept(threadId);
            } catch (RuntimeException gone) {
                LOG.log(Level.FINE, "a conversation page is gone", gone);
                watchers.remove(w);
            }
        }
    }
}
