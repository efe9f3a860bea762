package it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Failed sign-ins from one address are slowed to 429 before any check. A caller over its budget is slowed, not served: the local profile gives client {@code rate-probe}
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
                 {"channel":"Email","address":"r2@example.com"},{"channel":"Email","address":"r3@example.com"}]}""").status(), "three recipients fit the budget");
        assertProblem(probe.post("/communications/send", """
                {"message":{"subject":"Hi","content":"one more"},"recipients":[{"channel":"Email","address":"r5@example.com"}]}"""), "recipients");

        Api.Reply last = null;
        for (int i = 0; i < 5 && (last == null || last.status() != 429); i++) {
            last = probe.get("/communications/channels");
        }
        assertProblem(last, "requests");
        assertEquals(200, Api.as("csr").get("/communications/channels").status(), "another caller is not slowed");
    }

    @Test
    void wrongPasswordsFromOneAddressAreSlowedTo429BeforeTheyAreChecked() throws Exception {
        // 127.0.0.2: the local profile allows it 5 failed sign-ins a minute (127.0.0.1, the other tests', is left
        // alone)
        String wrong =
                "Basic " + java.util.Base64.getEncoder().encodeToString("carol:guess".getBytes(StandardCharsets.UTF_8));
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            statuses.add(statusFrom127002(wrong).status());
        }
        assertEquals(List.of(401, 401, 401, 401, 401, 429, 429), statuses, "five tries, then refused unchecked");
        String right = "Basic "
                + java.util.Base64.getEncoder()
                        .encodeToString(
                                (Api.userName("csr") + ":" + Api.password("csr")).getBytes(StandardCharsets.UTF_8));
        RawReply blocked = statusFrom127002(right);
        assertEquals(429, blocked.status(), "even the right password waits out the minute: " + blocked.head());
        assertTrue(blocked.head().toLowerCase().contains("retry-after:"), "with Retry-After: " + blocked.head());
        assertEquals(200, Api.as("csr").get("/communications/channels").status(), "another address signs in as usual");
    }

    private record RawReply(int status, String head) {}

    /** GET /communications/channels over a socket bound to 127.0.0.2 (the JDK's HttpClient cannot choose its source address). */
    private static RawReply statusFrom127002(String authorization) throws Exception {
        try (Socket socket =
                new Socket(InetAddress.getByName("127.0.0.1"), 9080, InetAddress.getByName("127.0.0.2"), 0)) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("GET /communications/channels HTTP/1.1\r\nHost: 127.0.0.1:9080\r\nAuthorization: "
                                    + authorization + "\r\nConnection: close\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            String reply = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            int end = reply.indexOf("\r\n\r\n");
            String head = end < 0 ? reply : reply.substring(0, end);
            return new RawReply(Integer.parseInt(head.split(" ")[1]), head);
        }
    }

    private static void assertProblem(Api.Reply r, String limit) {
        assertEquals(429, r.status(), limit + ": " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        long retryAfter =
                Long.parseLong(r.raw().headers().firstValue("Retry-After").orElse("0"));
        assertTrue(retryAfter >= 1 && retryAfter <= 60, "Retry-After in seconds: " + retryAfter);
        assertTrue(
                r.json()
                        .getJsonArray("errors")
                        .getJsonObject(0)
                        .getString("field")
                        .equals(limit),
                "names the limit: " + r.body());
    }
}
