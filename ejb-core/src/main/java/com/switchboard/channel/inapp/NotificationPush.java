package com.switchboard.channel.inapp;

/**
 * Gets a freshly written inbox note to its user's open sockets, wherever they are connected. The
 * inbox stays the record: a push that reaches nobody loses nothing, the note is sent again when
 * the user next connects.
 */
public interface NotificationPush {

    void push(InboxNote note);
}
