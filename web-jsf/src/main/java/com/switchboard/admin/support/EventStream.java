package com.switchboard.admin.support;

import jakarta.servlet.AsyncContext;
import jakarta.servlet.AsyncEvent;
import jakarta.servlet.AsyncListener;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A server-sent event stream to one console page ({@code resources/js/live.js}): kept open
 * asynchronously for a while (the browser's EventSource opens the next one), each event written off
 * the caller's thread so a slow browser never holds up the move or note that caused it. An event
 * only tells the page to re-read; while one is on its way further ones are not sent again, since the
 * page reads after it arrives, when what caused them is written.
 */
public final class EventStream {
    private final AsyncContext context;
    private final PrintWriter out;
    private final AtomicBoolean sending = new AtomicBoolean();
    private volatile Runnable onClose = () -> {};

    private EventStream(AsyncContext context, PrintWriter out) {
        this.context = context;
        this.out = out;
    }

    /** Starts the stream of {@code request}, open for at most {@code millis}. */
    public static EventStream open(HttpServletRequest request, HttpServletResponse response, long millis)
            throws IOException {
        response.setContentType("text/event-stream");
        response.setCharacterEncoding("UTF-8");
        response.setHeader("Cache-Control", "no-store");
        AsyncContext context = request.startAsync();
        context.setTimeout(millis);
        PrintWriter out = response.getWriter();
        out.write("retry: 3000\n: watching\n\n");
        out.flush();
        EventStream stream = new EventStream(context, out);
        context.addListener(new AsyncListener() {
            @Override
            public void onComplete(AsyncEvent event) {
                stream.onClose.run();
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
        return stream;
    }

    /** What to undo when the stream ends (its page left, it timed out, or it failed). */
    public void onClose(Runnable undo) {
        onClose = undo;
    }

    /** Sends the event {@code data} unless one is on its way; false when the page is gone. */
    public boolean signal(String data) {
        if (out.checkError()) {
            return false;
        }
        if (sending.compareAndSet(false, true)) {
            context.start(() -> {
                try {
                    synchronized (out) {
                        out.write("data: " + data + "\n\n");
                        out.flush();
                        if (out.checkError()) {
                            context.complete(); // the page is gone
                        }
                    }
                } finally {
                    sending.set(false);
                }
            });
        }
        return true;
    }
}
