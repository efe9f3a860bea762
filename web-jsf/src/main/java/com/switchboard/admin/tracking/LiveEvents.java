package com.switchboard.admin.tracking;

import com.switchboard.admin.support.EventStream;
import com.switchboard.communication.RecipientStatusChanged;
import com.switchboard.tracking.StatusWatchers;
import jakarta.inject.Inject;
import jakarta.servlet.annotation.WebServlet;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.regex.Pattern;

/**
 * {@code /admin/live?ids=<id>,<id>}: server-sent events telling a console page, as it happens on
 * this server, that a recipient of a communication it shows moved, so the page re-reads just that
 * part instead of polling ({@code resources/js/live.js}). Staff only (the console's web.xml
 * constraint); same-origin only, as a browser sends no credentials to another origin's event stream
 * without CORS, which this never grants. One event says which communication moved ({@link EventStream}).
 * A stream lasts {@value #STREAM_MINUTES} minutes; the browser's EventSource opens the next one.
 */
@WebServlet(urlPatterns = "/live", asyncSupported = true)
public class LiveEvents extends HttpServlet {
    private static final long serialVersionUID = 1L;
    static final int MAX_IDS = 100;
    static final int STREAM_MINUTES = 10;
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9-]{1,64}");

    @Inject
    StatusWatchers watchers;

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        String param = request.getParameter("ids");
        List<String> ids = param == null
                ? List.of()
                : Arrays.stream(param.split(","))
                        .map(String::trim)
                        .filter(s -> !s.isEmpty())
                        .distinct()
                        .toList();
        if (ids.isEmpty()
                || ids.size() > MAX_IDS
                || !ids.stream().allMatch(id -> ID.matcher(id).matches())) {
            response.sendError(
                    HttpServletResponse.SC_BAD_REQUEST, "ids: 1 to " + MAX_IDS + " communication ids, comma separated");
            return;
        }
        EventStream stream = EventStream.open(request, response, STREAM_MINUTES * 60_000L);
        Consumer<RecipientStatusChanged> watcher =
                change -> stream.signal("{\"communicationId\":\"" + change.communicationId() + "\"}");
        stream.onClose(() -> ids.forEach(id -> watchers.unwatch(id, watcher)));
        ids.forEach(id -> watchers.watch(id, watcher));
    }
}
