package com.switchboard.scheduling;

import com.switchboard.communication.ChunkMove;
import com.switchboard.communication.CommunicationStatus;
import com.switchboard.communication.CommunicationView;
import com.switchboard.communication.DynamoCommunicationViews;
import com.switchboard.communication.DynamoDispatchStateStore;
import com.switchboard.communication.RecipientMoves;
import com.switchboard.communication.RecipientStatus;
import com.switchboard.error.ConflictException;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;

/**
 * Cancelling and rescheduling a communication that has not gone out. Both first change the
 * SCHEDULE item under the same condition as a claim (nobody dispatching it), so they and the
 * scheduler exclude each other: what a server is dispatching can no longer be changed (409).
 */
@ApplicationScoped
public class ScheduleService {

    @Inject
    DynamoCommunicationViews communications;

    @Inject
    DynamoDispatchStateStore dispatchStates;

    @Inject
    DynamoScheduleStore schedules;

    @Inject
    Clock clock;

    @Inject
    RecipientMoves moves;

    @Inject
    SchedulerBackoff backoff;

    /** Cancels a communication still Scheduled: status Cancelled, its recipients Failed with reason cancelled. */
    public CommunicationView cancel(String id) {
        String status = status(id);
        if (CommunicationStatus.Cancelled.name().equals(status)) {
            return view(id); // cancelling twice changes nothing
        }
        if (!CommunicationStatus.Scheduled.name().equals(status)
                || !schedules.withdraw(id)
                || !cancelled(id, clock.instant().toString())) {
            throw new ConflictException("communication", id, "was already dispatched and can no longer be cancelled");
        }
        return view(id);
    }

    /** Fails its stored Pending recipients with reason {@code cancelled} (one write per chunk), then the communication. */
    private boolean cancelled(String id, String at) {
        moves.moveAll(
                id,
                dispatchStates.tickets(id).stream()
                        .map(t -> new ChunkMove(
                                t.recipientIndex(),
                                RecipientStatus.Pending,
                                RecipientStatus.Failed,
                                Map.of("reason", "cancelled"),
                                0))
                        .toList(),
                at);
        return dispatchStates.cancel(id, at);
    }

    /** Moves a communication still Scheduled to {@code scheduledAt}, which must be in the future. */
    public CommunicationView reschedule(String id, String scheduledAt) {
        Instant at = parseFuture(scheduledAt);
        String status = status(id);
        if (!CommunicationStatus.Scheduled.name().equals(status)
                || !schedules.reschedule(id, at)
                || !dispatchStates.reschedule(id, at.toString())) {
            throw new ConflictException("communication", id, "is " + status + " and can no longer be rescheduled");
        }
        backoff.wake(id); // moved earlier, maybe past where this server's scheduler looks again
        return view(id);
    }

    private Instant parseFuture(String scheduledAt) {
        if (scheduledAt == null) {
            throw InvalidRequestException.invalid("scheduledAt", "a scheduledAt instant is required");
        }
        Instant at;
        try {
            at = Instant.parse(scheduledAt);
        } catch (DateTimeParseException e) {
            throw InvalidRequestException.invalid(
                    "scheduledAt", "not an ISO-8601 instant such as 2026-01-31T09:00:00Z");
        }
        if (!at.isAfter(clock.instant())) {
            throw InvalidRequestException.unprocessable("scheduledAt", "must be in the future, was " + scheduledAt);
        }
        return at;
    }

    private String status(String id) {
        return dispatchStates
                .dispatchState(id)
                .orElseThrow(() -> new NotFoundException("communication", id))
                .status();
    }

    private CommunicationView view(String id) {
        return communications.view(id).orElseThrow(() -> new NotFoundException("communication", id));
    }
}
