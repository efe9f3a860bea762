package com.switchboard.channel.inapp;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.logging.Logger;

/**
 * The users connected to this server and their open sockets. The WebSocket endpoint registers a
 * sink per session; notes published on the notifications topic by any server are handed here and
 * reach only the sinks of the note's own user.
 */
@ApplicationScoped
public class LocalNotificationSessions {
    private static final Logger LOG = Logger.getLogger(LocalNotificationSessions.class.getName());

    private final Map<String, Set<NotificationSink>> byUser = new ConcurrentHashMap<>();

    public void register(String userId, NotificationSink sink) {
        byUser.computeIfAbsent(userId, u -> ConcurrentHashMap.newKeySet()).add(sink);
    }

    public void unregister(String userId, NotificationSink sink) {
        byUser.computeIfPresent(userId, (u, sinks) -> {
            sinks.remove(sink);
            return sinks.isEmpty() ? null : sinks;
        });
    }

    /** Sends the note to each open socket of its user on this server; returns how many took it. */
    public int deliver(InboxNote note) {
        int reached = 0;
        for (NotificationSink sink : byUser.getOrDefault(note.userId(), Set.of())) {
            try {
                sink.send(note);
                reached++;
            } catch (RuntimeException gone) {
                // a closed or broken socket: the inbox still holds the note for the next connect
                LOG.fine(() -> "dropping a socket of " + note.userId() + ": " + gone);
                unregister(note.userId(), sink);
            }
        }
        return reached;
    }

    public int connections(String userId) {
        return byUser.getOrDefault(userId, Set.of()).size();
    }
}
