package it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.switchboard.channel.control.ChannelControlMBean;
import it.support.Api;
import it.support.Jmx;
import it.support.Switchboard;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every administrative action is written to the audit log with who made it, what it was, its target
 * and how it ended, and administrators (only they) read it through {@code /communications/audit},
 * newest first: through the API (API keys, a failed revoke too) and through JMX (a channel paused
 * and resumed by an operator).
 */
@ExtendWith(Switchboard.class)
class AuditLogIT {
    private static final Api ADMIN = Api.as("admin");

    @Test
    void apiKeyActionsAreRecordedWithTheirAdminAndOutcome() {
        String client = "audit-" + UUID.randomUUID().toString().substring(0, 8);
        Api.Reply issued = ADMIN.post("/communications/api-keys", "{\"client\":\"" + client + "\"}");
        assertEquals(201, issued.status(), issued.body());
        String keyId = issued.json().getString("keyId");
        assertEquals(200, ADMIN.delete("/communications/api-keys/" + keyId).status());
        String unknown = UUID.randomUUID().toString();
        assertEquals(404, ADMIN.delete("/communications/api-keys/" + unknown).status());

        List<JsonObject> entries = today();
        JsonObject issue = entry(entries, "api-key.issue", client);
        assertEquals(Api.userName("admin"), issue.getString("who"));
        assertEquals("ok", issue.getString("outcome"));
        assertTrue(issue.getString("at")
                .startsWith(java.time.LocalDate.now(java.time.ZoneOffset.UTC).toString()));
        assertEquals("ok", entry(entries, "api-key.revoke", keyId).getString("outcome"));
        assertEquals(
                "failed: NotFoundException",
                entry(entries, "api-key.revoke", unknown).getString("outcome"));
        assertTrue(entries.indexOf(entry(entries, "api-key.revoke", keyId)) < entries.indexOf(issue), "newest first");
    }

    @Test
    void aChannelPausedAndResumedOverJmxIsRecorded() throws Exception {
        try (Jmx jmx = Jmx.connect()) {
            ChannelControlMBean internal = jmx.channel("Internal");
            internal.pause();
            internal.resume();
        }
        List<JsonObject> entries = today();
        assertEquals("ok", entry(entries, "channel.pause", "Internal").getString("outcome"));
        assertEquals("ok", entry(entries, "channel.resume", "Internal").getString("outcome"));
    }

    @Test
    void onlyAdministratorsReadTheLogAndBadInputIsNamed() {
        assertEquals(403, Api.as("csr").get("/communications/audit").status());
        Api.Reply bad = ADMIN.get("/communications/audit?day=yesterday");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("\"day\""), bad.body());
    }

    private static List<JsonObject> today() {
        Api.Reply r = ADMIN.get("/communications/audit?limit=200");
        assertEquals(200, r.status(), r.body());
        return r.json().getJsonArray("entries").getValuesAs(JsonObject.class);
    }

    private static JsonObject entry(List<JsonObject> entries, String action, String target) {
        return entries.stream()
                .filter(e -> action.equals(e.getString("action")) && target.equals(e.getString("target", null)))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no " + action + " of " + target + " in " + entries));
    }
}
