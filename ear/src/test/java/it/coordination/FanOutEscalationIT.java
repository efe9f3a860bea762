package it.coordination;

import static it.coordination.Coordination.recipients;
import static it.coordination.Coordination.uniqueEmail;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** escalateAfter also holds for the recipients of a send big enough to be fanned out in chunks. */
@ExtendWith(Switchboard.class)
class FanOutEscalationIT {
    /** One more than fanout.threshold, so the send is fanned out and the last recipient is in the second chunk. */
    private static final int RECIPIENTS = 501;

    @Test
    void aFannedOutRecipientEscalatesWhenNotDeliveredInTime() {
        String batch = UUID.randomUUID().toString().substring(0, 8);
        String fallbackEmail = uniqueEmail("@example.com");
        StringBuilder body = new StringBuilder(
                "{\"escalateAfter\":\"PT3S\",\"message\":{\"subject\":\"Recall\",\"content\":\"Recall notice\"},"
                        + "\"recipients\":[");
        for (int i = 0; i < RECIPIENTS - 1; i++) {
            body.append("{\"channel\":\"InApp\",\"address\":\"fo-")
                    .append(batch)
                    .append('-')
                    .append(i)
                    .append("\"},");
        }
        // in-app stays Sent until the person reads it: after escalateAfter the chain moves on to Email
        body.append("{\"channel\":\"InApp\",\"address\":\"fo-")
                .append(batch)
                .append("-esc\",\"fallbacks\":[{\"channel\":\"Email\",")
                .append("\"address\":\"")
                .append(fallbackEmail)
                .append("\"}]}]}");
        String id = Tracking.send(body.toString());

        int last = RECIPIENTS - 1;
        JsonObject[] next = new JsonObject[1];
        await().atMost(Duration.ofSeconds(90))
                .pollInterval(Duration.ofSeconds(1))
                .alias("the fanned-out recipient " + last + " escalates to Email")
                .until(() -> {
                    JsonArray all = recipients(id);
                    next[0] = all.size() > RECIPIENTS ? all.getJsonObject(RECIPIENTS) : null;
                    return next[0] != null
                            && ("Sent".equals(next[0].getString("status"))
                                    || "Delivered".equals(next[0].getString("status")));
                });
        assertEquals("Email", next[0].getString("channel"), "the fallback channel: " + next[0]);
        assertEquals(last, next[0].getInt("previousIndex"), "linked to the in-app attempt: " + next[0]);
        JsonObject first = recipients(id).getJsonObject(last);
        assertEquals("Sent", first.getString("status"), "the in-app attempt was accepted but never read: " + first);
        assertEquals(RECIPIENTS, first.getInt("nextIndex"), "and points at its successor: " + first);
    }
}
