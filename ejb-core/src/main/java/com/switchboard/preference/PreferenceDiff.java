package com.switchboard.preference;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/** What a save changed, one line per field ({@code SMS.number: +4474… → +4475…}), for the history. */
final class PreferenceDiff {

    private PreferenceDiff() {}

    static List<String> between(Preferences before, Preferences after) {
        List<String> changes = new ArrayList<>();
        if (before == null) {
            changes.add("created with " + String.join(", ", after.channels().keySet()));
            return changes;
        }
        field(changes, "stakeholderType", before.stakeholderType(), after.stakeholderType());
        field(changes, "timezone", before.timezone(), after.timezone());
        field(changes, "digestTime", before.digestTime(), after.digestTime());
        field(changes, "digestDay", before.digestDay(), after.digestDay());
        field(changes, "quietHours", quiet(before.quietHours()), quiet(after.quietHours()));
        Set<String> names = new LinkedHashSet<>(before.channels().keySet());
        names.addAll(after.channels().keySet());
        for (String name : names) {
            ChannelPreference b = before.channels().get(name);
            ChannelPreference a = after.channels().get(name);
            if (b == null) {
                changes.add(name + " added");
            } else if (a == null) {
                changes.add(name + " removed");
            } else {
                field(changes, name + ".enabled", String.valueOf(b.isEnabled()), String.valueOf(a.isEnabled()));
                field(changes, name + ".address", b.address(), a.address());
                field(changes, name + ".number", b.number(), a.number());
                field(changes, name + ".frequency", b.frequency(), a.frequency());
                field(
                        changes,
                        name + ".marketing",
                        String.valueOf(b.acceptsMarketing()),
                        String.valueOf(a.acceptsMarketing()));
            }
        }
        List<String> order = List.copyOf(after.channels().keySet());
        if (!List.copyOf(before.channels().keySet()).equals(order)
                && before.channels().keySet().equals(after.channels().keySet())) {
            changes.add("order: " + String.join(", ", order));
        }
        if (changes.isEmpty()) {
            changes.add("saved unchanged");
        }
        return changes;
    }

    private static void field(List<String> changes, String name, String before, String after) {
        if (!Objects.equals(before, after)) {
            changes.add(
                    name + ": " + (before == null ? "(none)" : before) + " → " + (after == null ? "(none)" : after));
        }
    }

    private static String quiet(QuietHours q) {
        return q == null ? null : q.start() + "–" + q.end();
    }
}
