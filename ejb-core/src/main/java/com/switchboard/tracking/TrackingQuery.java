package com.switchboard.tracking;

import com.switchboard.channel.Channel;
import com.switchboard.communication.CommunicationStatus;
import com.switchboard.error.FieldError;
import com.switchboard.error.InvalidRequestException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A validated list query of {@code GET /communications/delivery-tracking}: optional status,
 * channel, customer, vehicle and a time range on when the communication was due, a page size and
 * the opaque cursor of the previous page.
 */
public record TrackingQuery(
        CommunicationStatus status,
        Channel channel,
        String customerId,
        String vehicleId,
        Instant from,
        Instant to,
        int limit,
        TrackingCursor cursor) {
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    /** @throws InvalidRequestException (400) naming every malformed parameter */
    public static TrackingQuery of(
            String status,
            String channel,
            String customerId,
            String vehicleId,
            String from,
            String to,
            Integer limit,
            String next) {
        List<FieldError> errors = new ArrayList<>();
        CommunicationStatus s = null;
        if (status != null) {
            s = Arrays.stream(CommunicationStatus.values())
                    .filter(v -> v.name().equalsIgnoreCase(status.trim()))
                    .findFirst()
                    .orElse(null);
            if (s == null) {
                errors.add(new FieldError("status", "one of " + Arrays.toString(CommunicationStatus.values())));
            }
        }
        Channel c = null;
        if (channel != null) {
            c = Channel.parse(channel).orElse(null);
            if (c == null) {
                errors.add(new FieldError("channel", "one of " + Arrays.toString(Channel.values())));
            }
        }
        Instant f = instant("from", from, errors);
        Instant t = instant("to", to, errors);
        if (f != null && t != null && f.isAfter(t)) {
            errors.add(new FieldError("from", "must not be after to"));
        }
        int l = limit == null ? DEFAULT_LIMIT : limit;
        if (l < 1 || l > MAX_LIMIT) {
            errors.add(new FieldError("limit", "between 1 and " + MAX_LIMIT));
        }
        TrackingCursor cursor = null;
        if (next != null) {
            cursor = TrackingCursor.decode(next).orElse(null);
            if (cursor == null) {
                errors.add(new FieldError("next", "not a cursor this API returned"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.INVALID_VALUE, errors);
        }
        return new TrackingQuery(s, c, blankToNull(customerId), blankToNull(vehicleId), f, t, l, cursor);
    }

    private static Instant instant(String field, String value, List<FieldError> errors) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            errors.add(new FieldError(field, "not an ISO-8601 instant such as 2026-01-31T09:00:00Z"));
            return null;
        }
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
