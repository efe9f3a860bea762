package com.switchboard.channel.inapp;

/** One open client connection of a user on this server (a WebSocket session), as the push sees it. */
public interface NotificationSink {

    /**
     * Sends the note to this client.
     *
     * @throws java.io.UncheckedIOException when the connection is gone; the sink is then dropped
     */
    void send(InboxNote note);
}
