package com.switchboard.preference;

import java.util.List;

/** A page of stakeholders' preferences; {@code next} continues the list (null at its end). */
public record PreferencePage(List<Preferences> items, String next) {
}
