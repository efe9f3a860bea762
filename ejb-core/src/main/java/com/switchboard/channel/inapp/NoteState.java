package com.switchboard.channel.inapp;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an inbox note stands for its user: {@code unseen} when written, {@code seen} once their
 * client showed it, {@code read} when opened, {@code archived} when put away. Only
 * {@code unseen} and {@code seen} count as unread.
 */
public enum NoteState {
    unseen,
    seen,
    read,
    archived;

    static final Set<NoteState> UNREAD = EnumSet.of(unseen, seen);

    public boolean unread() {
        return UNREAD.contains(this);
    }
}
