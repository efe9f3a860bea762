package com.switchboard.admin.support;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * What the console shows for the API's values: channels as the story names them, statuses and
 * weekdays in words, counts as a sentence, instants to the second. The API keeps its values; only
 * the pages read these.
 */
@Named("labels")
@ApplicationScoped
public class Labels {
    private static final DateTimeFormatter UTC = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);
    private static final Map<String, String> CHANNELS =
            Map.of("Email", "Email", "SMS", "SMS", "WhatsApp", "WhatsApp", "InApp", "In-App", "Internal", "Staff chat");
    private static final List<String> COUNT_ORDER = List.of("Delivered", "Sent", "Pending", "Failed");

    public String channel(String name) {
        return name == null ? "" : CHANNELS.getOrDefault(name, name);
    }

    public String channels(Collection<String> names) {
        return names == null
                ? ""
                : String.join(", ", names.stream().map(this::channel).toList());
    }

    /** {@code PartiallyDelivered} → {@code Partially delivered}; {@code opted-out} → {@code Opted out}. */
    public String status(String value) {
        if (value == null || value.isEmpty()) {
            return "";
        }
        String spaced = value.replace('-', ' ')
                .replace('_', ' ')
                .replaceAll("(?<=[a-z])(?=[A-Z])", " ")
                .toLowerCase(Locale.ROOT);
        return Character.toUpperCase(spaced.charAt(0)) + spaced.substring(1);
    }

    /** {@code MONDAY} → {@code Monday}. */
    public String weekday(String day) {
        try {
            return DayOfWeek.valueOf(day).getDisplayName(TextStyle.FULL, Locale.ENGLISH);
        } catch (IllegalArgumentException | NullPointerException e) {
            return day == null ? "" : day;
        }
    }

    /** The non-zero counts in words, most advanced first: "2 delivered · 1 failed"; none: "no recipients". */
    public String counts(Map<String, ? extends Number> counts) {
        List<String> parts = new ArrayList<>();
        if (counts != null) {
            for (String status : COUNT_ORDER) {
                Number n = counts.get(status);
                if (n != null && n.longValue() != 0) {
                    parts.add(n.longValue() + " " + status.toLowerCase(Locale.ROOT));
                }
            }
        }
        return parts.isEmpty() ? "no recipients" : String.join(" · ", parts);
    }

    /**
     * An instant to the second in UTC, as the page shows it before its script rewrites it in the
     * reader's time zone ({@code resources/js/local-time.js}); text that is not an instant as it is.
     */
    public String utc(String instant) {
        if (instant == null || instant.isEmpty()) {
            return "";
        }
        try {
            return UTC.format(Instant.parse(instant));
        } catch (DateTimeException e) {
            return instant;
        }
    }
}
