package com.switchboard.preference;

import java.util.List;

/**
 * A page of stakeholders' preferences; {@code next} continues the list (null at its end);
 * {@code kind} is always {@code page}, telling it apart from one stakeholder's preferences.
 */
public record PreferencePage(List<Preferences> items, String next, String kind) {

    public PreferencePage {
        kind = "page";
    }

    public PreferencePage(List<Preferences> items, String next) {
        this(items, next, null);
    }
}
