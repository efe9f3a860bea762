package com.switchboard.communication;

import com.switchboard.preference.ChannelPreference;
import com.switchboard.preference.Frequency;
import com.switchboard.preference.Preferences;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * When a stakeholder wants to hear on one channel, as planned for one recipient: collected into a
 * Daily or Weekly digest, or not during quiet hours. Stored on the recipient item as one
 * {@code timing} string ({@code key=value;…}) and decided when the recipient's ticket is delivered,
 * so a scheduled or fanned-out send is judged at the time it would go out. {@code critical} and
 * {@code high} messages get none: they are meant to interrupt.
 */
public record DeliveryTiming(
        String stakeholderId,
        Frequency frequency,
        LocalTime digestTime,
        DayOfWeek digestDay,
        LocalTime quietStart,
        LocalTime quietEnd,
        ZoneId zone) {
    public static final String DIGEST = "digest";
    public static final String QUIET_HOURS = "quiet-hours";
    static final LocalTime DEFAULT_DIGEST_TIME = LocalTime.of(8, 0);

    /** The timing of a recipient on {@code channel}; empty when it goes out at once whatever the time. */
    public static Optional<String> of(Preferences prefs, ChannelPreference channel, Urgency urgency) {
        if (urgency == Urgency.critical || urgency == Urgency.high) {
            return Optional.empty();
        }
        Frequency frequency =
                channel.frequency() == null ? Frequency.Immediate : Frequency.valueOf(channel.frequency());
        boolean quiet = prefs.quietHours() != null
                && prefs.quietHours().start() != null
                && prefs.quietHours().end() != null;
        if (frequency == Frequency.Immediate && !quiet) {
            return Optional.empty();
        }
        Map<String, String> parts = new LinkedHashMap<>();
        parts.put("stakeholder", prefs.stakeholderId());
        parts.put("frequency", frequency.name());
        parts.put("digestTime", prefs.digestTime() == null ? DEFAULT_DIGEST_TIME.toString() : prefs.digestTime());
        parts.put("digestDay", prefs.digestDay() == null ? DayOfWeek.MONDAY.name() : prefs.digestDay());
        if (quiet) {
            parts.put(
                    "quiet",
                    prefs.quietHours().start() + "-" + prefs.quietHours().end());
        }
        parts.put("zone", prefs.timezone() == null ? "UTC" : prefs.timezone());
        StringBuilder encoded = new StringBuilder();
        parts.forEach((k, v) -> encoded.append(encoded.length() == 0 ? "" : ";")
                .append(k)
                .append('=')
                .append(v));
        return Optional.of(encoded.toString());
    }

    public static DeliveryTiming decode(String encoded) {
        Map<String, String> parts = new LinkedHashMap<>();
        for (String part : encoded.split(";")) {
            int eq = part.indexOf('=');
            parts.put(part.substring(0, eq), part.substring(eq + 1));
        }
        String quiet = parts.get("quiet");
        String zone = parts.get("zone");
        return new DeliveryTiming(
                parts.get("stakeholder"),
                Frequency.valueOf(parts.get("frequency")),
                LocalTime.parse(parts.get("digestTime")),
                DayOfWeek.valueOf(parts.get("digestDay")),
                quiet == null ? null : LocalTime.parse(quiet.substring(0, quiet.indexOf('-'))),
                quiet == null ? null : LocalTime.parse(quiet.substring(quiet.indexOf('-') + 1)),
                zone == null ? ZoneOffset.UTC : ZoneId.of(zone));
    }

    public boolean digest() {
        return frequency == Frequency.Daily || frequency == Frequency.Weekly;
    }

    /** The digest an item held at {@code now} goes out with. */
    public Instant nextDigest(Instant now) {
        return frequency == Frequency.Weekly
                ? LocalTimes.nextWeekly(now, digestDay, digestTime, zone)
                : LocalTimes.nextDaily(now, digestTime, zone);
    }

    /** The end of the quiet hours {@code now} falls in, if it does. */
    public Optional<Instant> quietUntil(Instant now) {
        return quietStart == null ? Optional.empty() : LocalTimes.quietUntil(now, quietStart, quietEnd, zone);
    }
}
