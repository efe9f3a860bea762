package it.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.net.http.WebSocketHandshakeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Every REST operation, as anonymous and as each role, answers exactly the status of its row in
 * {@link EndpointTable}, errors as problem+json; the table covers every operation the server's own
 * {@code /openapi} document lists, and the notification socket admits exactly the inbox roles.
 */
@ExtendWith({Switchboard.class, Tally.class})
class AuthorizationMatrixIT {
    private static final Set<String> HTTP_METHODS = Set.of("get", "put", "post", "delete", "patch", "head", "options");
    private static String communicationId;
    private static String integrationsOwn;
    private static String umasNote;

    @BeforeAll
    static void somethingToAskFor() {
        assertEquals(
                200,
                Api.as("admin")
                        .put("/communications/templates/" + EndpointTable.TEMPLATE, EndpointTable.TEMPLATE_BODY)
                        .status(),
                "admin saves the template the matrix reads");
        for (String who : List.of("ulrich", "uma")) {
            Api.Reply r =
                    Api.as("admin").put("/communications/preferences?stakeholderId=" + who, EndpointTable.PREFERENCES);
            assertEquals(200, r.status(), "admin saves " + who + "'s preferences: " + r.body());
        }
        communicationId = Tracking.send("""
                {"recipients":[{"channel":"InApp","address":"%s"}],"message":{"subject":"For uma","content":"Only uma may read this."}}""".formatted(Api.userName("user2")));
        umasNote = Tracking.awaitRecipient(communicationId, 0, "Sent").getString("providerMessageId");
        Api.Reply own = Api.as("integration").post("/communications/send", EndpointTable.SEND);
        assertEquals(202, own.status(), "the integration user sends one of its own: " + own.body());
        integrationsOwn = own.json().getString("communicationId");
    }

    @Test
    void theTableCoversEveryOperationTheApiDocumentLists() {
        Api.Reply doc = Api.anonymous().get("/openapi?format=JSON");
        assertEquals(200, doc.status(), "the OpenAPI document is served: " + doc.body());
        Set<String> documented = new TreeSet<>();
        JsonObject paths = doc.json().getJsonObject("paths");
        paths.forEach((path, item) -> item.asJsonObject().keySet().stream()
                .filter(HTTP_METHODS::contains)
                .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        Set<String> covered = EndpointTable.ROWS.stream()
                .map(EndpointTable.Row::operation)
                .collect(Collectors.toCollection(TreeSet::new));

        Set<String> uncovered = new TreeSet<>(documented);
        uncovered.removeAll(covered);
        assertTrue(uncovered.isEmpty(), "add a row to EndpointTable for each of " + uncovered);
        Set<String> stale = new TreeSet<>(covered);
        stale.removeAll(documented);
        assertTrue(stale.isEmpty(), "EndpointTable rows for operations the API does not have: " + stale);
    }

    @Test
    void everyCallerGetsExactlyTheStatusOfItsRow() {
        List<String> wrong = new ArrayList<>();
        for (EndpointTable.Row row : EndpointTable.ROWS) {
            String path = row.path()
                    .replace("{comm}", communicationId)
                    .replace("{own}", integrationsOwn)
                    .replace("{note}", umasNote);
            for (Caller caller : Caller.values()) {
                String what = caller + " " + row.method() + " " + path;
                Api.Reply r = Tally.check(what, caller.call(row.method(), path, row.body()));
                if (r.status() != row.expected(caller)) {
                    wrong.add(what + ": expected " + row.expected(caller) + ", got " + r.status() + " "
                            + abbreviate(r.body()));
                }
            }
        }
        assertTrue(wrong.isEmpty(), wrong.size() + " answers differ from the table:\n" + String.join("\n", wrong));
        assertEquals("unseen", umasNoteState(), "nobody but uma touched uma's note");
    }

    @Test
    void theNotificationSocketAdmitsExactlyTheInboxRoles() {
        assertEquals(401, handshake(Caller.ANONYMOUS), "anonymous");
        assertEquals(101, handshake(Caller.CSR), "csr has an inbox");
        assertEquals(101, handshake(Caller.ADMIN), "admin has an inbox");
        assertEquals(403, handshake(Caller.INTEGRATION), "an integration client has no inbox");
        assertEquals(101, handshake(Caller.USER), "a user has an inbox");
    }

    private static String umasNoteState() {
        return Api.as("user2")
                .get("/communications/inapp/inbox?limit=100")
                .json()
                .getJsonArray("items")
                .getValuesAs(JsonObject.class)
                .stream()
                .filter(n -> umasNote.equals(n.getString("id")))
                .map(n -> n.getString("state"))
                .findFirst()
                .orElse("missing");
    }

    /** The handshake's status: 101 when the socket opened (it is closed again at once). */
    private static int handshake(Caller caller) {
        Tally.counted();
        WebSocket.Builder b = HttpClient.newHttpClient().newWebSocketBuilder().connectTimeout(Duration.ofSeconds(5));
        if (caller.api.authorization() != null) {
            b.header("Authorization", caller.api.authorization());
        }
        try {
            WebSocket socket = b.buildAsync(
                            URI.create(Switchboard.BASE_URL.replace("http", "ws") + "/ws/notifications"),
                            new WebSocket.Listener() {})
                    .get(10, TimeUnit.SECONDS);
            socket.sendClose(WebSocket.NORMAL_CLOSURE, "matrix")
                    .orTimeout(5, TimeUnit.SECONDS)
                    .exceptionally(e -> null)
                    .join();
            return 101;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() instanceof CompletionException c ? c.getCause() : e.getCause();
            if (cause instanceof WebSocketHandshakeException refused) {
                return refused.getResponse().statusCode();
            }
            throw new AssertionError(caller + " handshake failed without an HTTP answer", e);
        } catch (Exception e) {
            throw new AssertionError(caller + " handshake did not complete", e);
        }
    }

    private static String abbreviate(String s) {
        return s.length() <= 200 ? s : s.substring(0, 200) + "…";
    }
}
