package com.switchboard.channel.inapp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LocalNotificationSessionsTest {
    private final LocalNotificationSessions sessions = new LocalNotificationSessions();

    private static InboxNote noteFor(String user) {
        return new InboxNote(user, "c-0", "c", 0, "s", "t", "2026-11-25T16:49:37.120Z", NoteState.unseen, null, null);
    }

    @Test
    void aNoteReachesEverySocketOfItsUserAndNoOtherUsers() {
        List<String> ulrichTab1 = new ArrayList<>();
        List<String> ulrichTab2 = new ArrayList<>();
        List<String> uma = new ArrayList<>();
        sessions.register("ulrich", n -> ulrichTab1.add(n.id()));
        sessions.register("ulrich", n -> ulrichTab2.add(n.id()));
        sessions.register("uma", n -> uma.add(n.id()));

        assertEquals(2, sessions.deliver(noteFor("ulrich")), "both of ulrich's sockets took it");
        assertEquals(List.of("c-0"), ulrichTab1, "first tab");
        assertEquals(List.of("c-0"), ulrichTab2, "second tab");
        assertEquals(List.of(), uma, "uma gets nothing of ulrich's");
    }

    @Test
    void aBrokenSocketIsDroppedAndTheOthersStillGetTheNote() {
        List<String> healthy = new ArrayList<>();
        sessions.register("ulrich", n -> {
            throw new UncheckedIOException(new IOException("closed"));
        });
        sessions.register("ulrich", n -> healthy.add(n.id()));

        assertEquals(1, sessions.deliver(noteFor("ulrich")), "the healthy socket took it");
        assertEquals(List.of("c-0"), healthy, "delivered despite the broken one");
        assertEquals(1, sessions.connections("ulrich"), "the broken socket was dropped");
    }

    @Test
    void aClosedSocketNoLongerReceives() {
        List<String> got = new ArrayList<>();
        NotificationSink sink = n -> got.add(n.id());
        sessions.register("uma", sink);
        sessions.unregister("uma", sink);

        assertEquals(0, sessions.deliver(noteFor("uma")), "nobody connected");
        assertEquals(List.of(), got, "unregistered sink got nothing");
    }
}
