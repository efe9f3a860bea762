package it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;

import it.support.Api;
import it.support.Switchboard;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every endpoint answers 401 without credentials and 403 to a role it does not serve. */
@ExtendWith(Switchboard.class)
class RolesIT {
    private static final String SEND = """
            {"message":{"subject":"Hi","content":"Hello"},"recipients":[{"channel":"Email","address":"roles@example.com"}]}""";

    @Test
    void anonymousCallsAreUnauthorized() {
        assertEquals(401, Api.anonymous().post("/communications/send", SEND).status(), "send");
        assertEquals(401, Api.anonymous().get("/communications/channels").status(), "channels");
        assertEquals(
                401,
                Api.anonymous()
                        .get("/communications/preferences?stakeholderId=x")
                        .status(),
                "preferences");
        assertEquals(401, Api.anonymous().get("/communications/templates/x").status(), "templates");
    }

    @Test
    void unauthorizedAnswersAreProblemDocumentsWithAChallenge() {
        Api.Reply r = Api.anonymous().get("/communications/channels");
        assertEquals(401, r.status());
        assertEquals(true, r.contentType().startsWith("application/problem+json"), r.contentType());
        assertEquals(
                true,
                r.header("WWW-Authenticate") != null
                        && r.header("WWW-Authenticate").startsWith("Basic"),
                "the client is told how to authenticate");
    }

    @Test
    void wrongPasswordsAreUnauthorized() {
        assertEquals(
                401,
                Api.withCredentials(Api.userName("csr"), "wrong")
                        .get("/communications/channels")
                        .status());
    }

    @Test
    void aPlainUserCannotSendOrTrackOrEditTemplates() {
        Api user = Api.as("user");
        assertEquals(403, user.post("/communications/send", SEND).status(), "send");
        assertEquals(403, user.get("/communications/channels").status(), "channels");
        assertEquals(
                403, user.put("/communications/templates/x", "{\"body\":\"b\"}").status(), "template save");
    }

    @Test
    void aCsrCannotChangeTemplatesButKeepsCustomersPreferences() {
        Api csr = Api.as("csr");
        assertEquals(
                403, csr.put("/communications/templates/x", "{\"body\":\"b\"}").status(), "template save");
        assertEquals(403, csr.delete("/communications/templates/x").status(), "template delete");
        assertEquals(
                400,
                csr.put(
                                "/communications/preferences?stakeholderId=C-1",
                                "{\"stakeholderType\":\"Customer\",\"channels\":{}}")
                        .status(),
                "a customer's call is a CSR's to record: the write is allowed, and this empty one validated");
    }

    @Test
    void integrationClientsMaySendAndTrack() {
        Api legacy = Api.as("integration");
        Api.Reply accepted = legacy.post("/communications/send", SEND);
        assertEquals(202, accepted.status(), accepted.body());
        assertEquals(
                200,
                legacy.get("/communications/" + accepted.json().getString("communicationId"))
                        .status());
        assertEquals(
                403,
                legacy.put("/communications/templates/x", "{\"body\":\"b\"}").status(),
                "template save");
    }

    @Test
    void forbiddenAnswersAreProblemDocuments() {
        Api.Reply r = Api.as("user").post("/communications/send", SEND);
        assertEquals(403, r.status());
        assertEquals(true, r.contentType().startsWith("application/problem+json"), r.contentType());
    }
}
