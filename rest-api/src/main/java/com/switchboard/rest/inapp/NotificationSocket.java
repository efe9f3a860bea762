package com.switchboard.rest.inapp;

import com.switchboard.channel.inapp.InboxNote;
import com.switchboard.channel.inapp.InboxService;
import com.switchboard.channel.inapp.LocalNotificationSessions;
import com.switchboard.channel.inapp.NotificationSink;
import jakarta.enterprise.context.Dependent;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.Principal;

/**
 * {@code /ws/notifications}: a signed-in user's live in-app notifications. The handshake is
 * authenticated by the web.xml constraint; its principal is the only inbox the socket serves. On
 * connect the unread notes are sent (registered first, so nothing published meanwhile is missed;
 * a note may then come twice, clients keep notes by id); {@code {"type":"ack","id":...}} from the
 * client marks the note seen and the recipient {@code Delivered}. A browser's handshake must come
 * from an allowed origin ({@link WebSocketOriginFilter}).
 */
@ServerEndpoint("/ws/notifications")
@Dependent // a CDI bean, so the container injects it (one instance per socket, as WebSocket wants)
public class NotificationSocket {
    private static final String SINK = "switchboard.sink";

    @Inject
    InboxService inbox;

    @Inject
    LocalNotificationSessions sessions;

    @OnOpen
    public void open(Session session) throws IOException {
        Principal user = session.getUserPrincipal();
        if (user == null) {
            session.close(new CloseReason(CloseReason.CloseCodes.VIOLATED_POLICY, "not signed in"));
            return;
        }
        SessionSink sink = new SessionSink(session, user.getName());
        session.getUserProperties().put(SINK, sink);
        sessions.register(user.getName(), sink);
        for (InboxNote note : inbox.unreadOnConnect(user.getName())) {
            sink.send(note);
        }
    }

    @OnMessage
    public void message(String text, Session session) {
        Object sink = session.getUserProperties().get(SINK);
        if (sink instanceof SessionSink s) {
            SocketMessages.ackedId(text).ifPresent(id -> inbox.acknowledge(s.userId, id));
        }
    }

    @OnClose
    public void close(Session session) {
        forget(session);
    }

    @OnError
    public void error(Session session, Throwable failure) {
        forget(session);
    }

    private void forget(Session session) {
        Object sink = session.getUserProperties().get(SINK);
        if (sink instanceof SessionSink s) {
            sessions.unregister(s.userId, s);
        }
    }

    /** One WebSocket session as a push target; sends are serialised because a session takes one at a time. */
    private static final class SessionSink implements NotificationSink {
        private final Session session;
        private final String userId;

        SessionSink(Session session, String userId) {
            this.session = session;
            this.userId = userId;
        }

        @Override
        public void send(InboxNote note) {
            synchronized (session) {
                try {
                    session.getBasicRemote().sendText(SocketMessages.notification(note));
                } catch (IOException | IllegalStateException e) {
                    throw new UncheckedIOException(new IOException("socket " + session.getId() + " is gone", e));
                }
            }
        }
    }
}
