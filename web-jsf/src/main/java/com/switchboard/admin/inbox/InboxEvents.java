package com.switchboard.admin.inbox;

import com.switchboard.channel.inapp.InboxNote;
import com.switchboard.channel.inapp.LocalNotificationSessions;
import com.switchboard.channel.inapp.NotificationSink;
import jakarta.inject.Inject;
import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.util.concurrent.atomic.AtomicBoolean;

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
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        AsyncContext stream = request.startAsync();
        stream.setTimeout(STREAM_MILLIS);
        PrintWriter out = response.getWriter();
        out.write("retry: 3000\n: watching\n\n");
        out.flush();
        AtomicBoolean sending = new AtomicBoolean();
        NotificationSink sink = new NotificationSink() {
            @Override
            public void send(InboxNote note) {
                if (out.checkError()) {
                    throw new UncheckedIOException(new IOException("the inbox page of " + user + " is gone"));
                }
                if (sending.compareAndSet(false, true)) {
                    stream.start(() -> { // off the topic consumer's thread
                        try {
                            synchronized (out) {
                                out.write("data: {}\n\n");
                                out.flush();
                            }
                        } finally {
                            sending.set(false);
                        }
                    });
                }
            }
        };
        stream.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                sessions.unregister(user, sink);
            }

            @Override
            public void onTimeout(AsyncEvent event) {
                event.getAsyncContext().complete();
            }

            @Override
            public void onError(AsyncEvent event) {
                event.getAsyncContext().complete();
            }

            @Override
            public void onStartAsync(AsyncEvent event) {
                // not restarted
            }
        });
        sessions.register(user, sink);
    }
}
