package it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * A caller over its budget is slowed, not served: the local profile gives client {@code rate-probe}
 * 5 requests and 3 recipients a minute; past them it gets 429 problem+json with Retry-After, and
 * other callers are untouched.
 */
@ExtendWith(Switchboard.class)
class CallerLimitsIT {

    @Test
    void aClientOverItsRequestAndRecipientBudgetsGets429WithRetryAfter() {
        Api.Reply issued = Api.as("admin").post("/communications/api-keys", "{\"client\":\"rate-probe\"}");
        assertEquals(201, issued.status(), issued.body());
        Api probe = Api.withApiKey(issued.json().getString("key"));

        Api.Reply tooMany = probe.post("/communications/send", """
                {"message":{"subject":"Hi","content":"four at once"},"recipients":[
                 {"channel":"Email","address":"r1@example.com"},{"channel":"Email","address":"r2@example.com"},
                 {"channel":"Email","address":"r3@example.com"},{"channel":"Email","address":"r4@example.com"}]}""");
        assertProblem(tooMany, "recipients");
        assertEquals(202, probe.post("/communications/send", """
                {"message":{"subject":"Hi","content":"three"},"recipients":[{"channel":"Email","address":"r1@example.com"},
                 {"channel":"Email","address":"r2@example.com"},{"channel":"Email","address":"r3@example.com"}]}""").status(),
                "three recipients fit the budget");
        assertProblem(probe.post("/communications/send", """
                {"message":{"subject":"Hi","content":"one more"},"recipients":[{"channel":"Email","address":"r5@example.com"}]}"""),
                "recipients");

        Api.Reply last = null;
        for (int i = 0; i < 5 && (last == null || last.status() != 429); i++) {
            last = probe.get("/communications/channels");
        }
        assertProblem(last, "requests");
        assertEquals(200, Api.as("csr").get("/communications/channels").status(), "another caller is not slowed");
    }

    private static void assertProblem(Api.Reply r, String limit) {
        assertEquals(429, r.status(), limit + ": " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        long retryAfter = Long.parseLong(r.raw().headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After in seconds: " + retryAfter);
        assertTrue(r.json().getJsonArray("errors").getJsonObject(0).getString("field").equals(limit), "names the limit: " + r.body());
    }
}
