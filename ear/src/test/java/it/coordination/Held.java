package it.coordination;

import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMailUtil;
import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** What the digest and quiet-hours tests share: stakeholders with timing preferences, held recipients, mail. */
final class Held {

    private Held() {}

    /** A stakeholder reached by Email only, at {@code email}, with the given frequency and timing fields (JSON members). */
    static String stakeholder(String email, String frequency, String timing) {
        String id = "S-" + UUID.randomUUID();
        Api.Reply put = Api.as("admin")
                .put(
                        "/communications/preferences?stakeholderId=" + id,
                        "{\"stakeholderType\":\"Customer\"," + timing
                                + ",\"channels\":{\"Email\":{\"enabled\":true,\"address\":\"" + email
                                + "\",\"frequency\":\"" + frequency + "\"}}}");
        if (put.status() != 200) {
            throw new AssertionError("preferences not stored: " + put.status() + " " + put.body());
        }
        return id;
    }

    static String send(String stakeholderId, String urgency, String subject, String content) {
        return Tracking.send("{\"stakeholderIds\":[\"" + stakeholderId + "\"],\"urgency\":\"" + urgency
                + "\",\"message\":{\"subject\":\"" + subject + "\",\"content\":\"" + content + "\"}}");
    }

    /** Waits until the communication's only recipient is held for {@code reason}; returns it. */
    static JsonObject awaitHeld(String id, String reason) {
        JsonObject[] last = new JsonObject[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .alias("recipient 0 of " + id + " is held for " + reason)
                .until(() -> {
                    last[0] = Tracking.communication(id)
                            .getJsonArray("recipients")
                            .getJsonObject(0);
                    return reason.equals(last[0].getString("heldFor", null));
                });
        return last[0];
    }

    static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(Switchboard.sandbox().mail().getReceivedMessages())
                .filter(m -> GreenMailUtil.getHeaders(m).contains(address))
                .toList();
    }

    static String status(String id) {
        return Tracking.communication(id)
                .getJsonArray("recipients")
                .getJsonObject(0)
                .getString("status");
    }
}
