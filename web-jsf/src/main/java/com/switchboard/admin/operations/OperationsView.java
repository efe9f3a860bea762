package com.switchboard.admin.operations;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelCatalog;
import com.switchboard.channel.ChannelStatus;
import com.switchboard.channel.control.ChannelOperations;
import com.switchboard.queue.DeadLetter;
import com.switchboard.queue.JmsDeadLetterQueue;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Backing bean of the Operations page (admins): per channel whether its consumers run, what waits
 * on its queue and on the dead-letter queue, its circuit and last error, with pause, resume and
 * replay (each written to the audit log by {@link ChannelOperations}); and the oldest dead letters
 * with their reasons. What this page shows is this server's queues; a pause holds every server.
 */
@Named("operationsView")
@RequestScoped
public class OperationsView {
    private static final int DEAD_LETTERS_SHOWN = 100;

    @Inject
    ChannelOperations operations;

    @Inject
    ChannelCatalog catalog;

    @Inject
    JmsDeadLetterQueue deadLetters;

    /** One channel as the page shows it. */
    public record Row(
            Channel channel,
            boolean paused,
            int inFlight,
            long queueDepth,
            long deadLetterDepth,
            String circuit,
            String recentError,
            String recentErrorAt) {}

    private List<Row> rows;
    private List<DeadLetter> parked;

    public List<Row> getRows() {
        if (rows == null) {
            Map<Channel, ChannelStatus> status = catalog.overview().stream()
                    .collect(Collectors.toMap(ChannelStatus::channel, Function.identity(), (a, b) -> a));
            rows = new ArrayList<>();
            for (Channel channel : Channel.values()) {
                ChannelStatus s = status.get(channel);
                rows.add(new Row(
                        channel,
                        operations.paused(channel),
                        operations.inFlight(channel),
                        operations.queueDepth(channel),
                        operations.deadLetterDepth(channel),
                        s == null ? null : s.circuit(),
                        s == null ? null : s.recentError(),
                        s == null ? null : s.recentErrorAt()));
            }
        }
        return rows;
    }

    public List<DeadLetter> getDeadLetters() {
        if (parked == null) {
            parked = deadLetters.browse(DEAD_LETTERS_SHOWN);
        }
        return parked;
    }

    public String pause(Channel channel) {
        operations.pause(channel);
        return done(channel + " paused on every server: its messages wait on their queue.");
    }

    public String resume(Channel channel) {
        operations.resume(channel);
        return done(channel + " resumed on every server.");
    }

    /** Queues again the dead letters ticked on the page (checkboxes named {@code selected}, valued by message id). */
    public String replaySelected() {
        String[] ticked = FacesContext.getCurrentInstance()
                .getExternalContext()
                .getRequestParameterValuesMap()
                .get("selected");
        if (ticked == null || ticked.length == 0) {
            FieldMessages.page(FacesMessage.SEVERITY_ERROR, "Tick the dead letters to replay first.");
            return null;
        }
        int moved = operations.replayDeadLetters(List.of(ticked));
        return done(moved == 1 ? "1 chosen dead letter queued again." : moved + " chosen dead letters queued again.");
    }

    public String replay(Channel channel) {
        int moved = operations.replayDeadLetters(channel);
        return done(moved + " dead-lettered " + channel + " tickets queued again.");
    }

    private String done(String message) {
        rows = null;
        parked = null;
        FieldMessages.page(FacesMessage.SEVERITY_INFO, message);
        return null;
    }
}
