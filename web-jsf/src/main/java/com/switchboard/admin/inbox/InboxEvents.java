package com.switchboard.admin.inbox;

import com.switchboard.admin.support.EventStream;
import com.switchboard.channel.inapp.LocalNotificationSessions;
import com.switchboard.channel.inapp.NotificationSink;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * {@code /admin/live/inbox}: server-sent events telling the signed-in person's Inbox page that a note
 * of theirs arrived, so it re-reads its badge and list instead of polling. Registered like the
 * in-app WebSocket ({@link LocalNotificationSessions}, fed by the notifications topic from every
 * server); only the caller's own notes reach it, and an event carries no note, only that there is one.
 */
@WebServlet(urlPatterns = "/live/inbox", asyncSupported = true)
public class InboxEvents extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final long STREAM_MILLIS = 10 * 60_000L;

    @Inject
    LocalNotificationSessions sessions;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String user = request.getRemoteUser();
        if (user == null) {
            response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
            return;
        }
        EventStream stream = EventStream.open(request, response, STREAM_MILLIS);
        NotificationSink sink = note -> {
            if (!stream.signal("{}")) {
                throw new UncheckedIOException(new IOException("the inbox page of " + user + " is gone"));
            }
        };
        stream.onClose(() -> sessions.unregister(user, sink));
        sessions.register(user, sink);
    }
}
