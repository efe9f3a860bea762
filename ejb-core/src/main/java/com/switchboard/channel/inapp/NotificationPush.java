package com.switchboard.channel.inapp;

import java.util.List;

/**
 * Gets freshly written inbox notes to their users' open sockets, wherever they are connected. The
 * inbox stays the record: a push that reaches nobody loses nothing, the note is sent again when
 * the user next connects.
 */
public interface NotificationPush {

    /** The notes of one delivery chunk (or one note), in one message to every server. */
    void push(List<InboxNote> notes);
}
