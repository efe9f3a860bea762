package com.switchboard.document;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.error.GoneException;
import com.switchboard.error.NotFoundException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DocumentLinksTest {
    private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
    private static final String ID = "0b6f4c1e-6a52-4a38-9d1f-4c2b8e7f9a10";

    private static DocumentLinks at(Instant now) {
        return new DocumentLinks("test-secret", "https://sb.example.com/", 72, Clock.fixed(now, ZoneOffset.UTC));
    }

    private static Map<String, String> query(String link) {
        Map<String, String> q = new HashMap<>();
        for (String pair : URI.create(link).getRawQuery().split("&")) {
            String[] kv = pair.split("=", 2);
            q.put(kv[0], kv[1]);
        }
        return q;
    }

    @Test
    void aLinkPointsAtTheDocumentUnderThePublicBaseAndExpiresAfterItsHours() {
        String link = at(NOW).link(ID);
        assertTrue(link.startsWith("https://sb.example.com/documents/" + ID + "?exp="), "under the base URL: " + link);
        assertEquals(
                NOW.plus(Duration.ofHours(72)).getEpochSecond(),
                Long.parseLong(query(link).get("exp")),
                "valid for documents.link.hours");
    }

    @Test
    void aLinkWeSignedOpensUntilItsTimeAndIsGoneAfterwards() {
        Map<String, String> q = query(at(NOW).link(ID));
        assertDoesNotThrow(
                () -> at(NOW.plus(Duration.ofHours(71))).verify(ID, q.get("exp"), q.get("sig")), "within 72 hours");
        assertThrows(
                GoneException.class,
                () -> at(NOW.plus(Duration.ofHours(72))).verify(ID, q.get("exp"), q.get("sig")),
                "at its expiry the link is gone (410), not unknown");
    }

    @Test
    void aLinkBentToAnotherDocumentALaterTimeOrAnotherKeyIsNotFound() {
        Map<String, String> q = query(at(NOW).link(ID));
        String otherId = "1b6f4c1e-6a52-4a38-9d1f-4c2b8e7f9a10";
        long later = Long.parseLong(q.get("exp")) + 3600;
        assertThrows(NotFoundException.class, () -> at(NOW).verify(otherId, q.get("exp"), q.get("sig")), "other id");
        assertThrows(
                NotFoundException.class, () -> at(NOW).verify(ID, Long.toString(later), q.get("sig")), "later time");
        assertThrows(
                NotFoundException.class,
                () -> new DocumentLinks(
                                "another-secret", "https://sb.example.com", 72, Clock.fixed(NOW, ZoneOffset.UTC))
                        .verify(ID, q.get("exp"), q.get("sig")),
                "signed with another key");
        assertThrows(NotFoundException.class, () -> at(NOW).verify(ID, "soon", q.get("sig")), "no number");
        assertThrows(NotFoundException.class, () -> at(NOW).verify(ID, q.get("exp"), null), "no signature");
    }
}
