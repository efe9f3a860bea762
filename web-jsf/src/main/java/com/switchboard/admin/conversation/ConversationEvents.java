package com.switchboard.admin.conversation;

import com.switchboard.admin.support.EventStream;
import com.switchboard.conversation.ConversationWatchers;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Consumer;

/**
 * {@code /admin/live/conversations}: server-sent events telling a Conversations page that a thread
 * changed (a customer wrote, a CSR replied), on any server ({@link ConversationWatchers} is fed by the
 * notifications topic), so the page re-reads its list and open thread instead of polling. Staff only
 * (web.xml); an event carries only the thread's id.
 */
@WebServlet(urlPatterns = "/live/conversations", asyncSupported = true)
public class ConversationEvents extends HttpServlet {
    private static final long serialVersionUID = 1L;
    private static final long STREAM_MILLIS = 10 * 60_000L;

    @Inject
    ConversationWatchers watchers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        EventStream stream = EventStream.open(request, response, STREAM_MILLIS);
        Consumer<String> watcher = threadId -> {
            if (!stream.signal("{\"threadId\":\"" + threadId + "\"}")) {
                throw new UncheckedIOException(new IOException("a conversations page is gone"));
            }
        };
        stream.onClose(() -> watchers.unwatch(watcher));
        watchers.watch(watcher);
    }
}
