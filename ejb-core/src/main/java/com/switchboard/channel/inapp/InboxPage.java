package com.switchboard.channel.inapp;

import java.util.List;

/** One page of a user's inbox, newest first; {@code next} is the opaque cursor of the following page, or null. */
public record InboxPage(List<InboxNote> notes, String next) {}
