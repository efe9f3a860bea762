package it.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import jakarta.json.JsonObject;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Every kind of bad send gets a problem+json that names the field at fault, and nothing is sent. */
@ExtendWith(Switchboard.class)
class BadInputIT {
    private static final Api CSR = Api.as("csr");

    @Test
    void aSendWithoutRecipientsNamesRecipients() {
        assertProblem(CSR.post("/communications/send", """
                {"message":{"subject":"Hi","content":"Hello"}}"""), 400, "recipients");
    }

    @Test
    void aBadEmailAddressNamesTheRecipientAddress() {
        assertProblem(CSR.post("/communications/send", """
                {"message":{"subject":"Hi","content":"Hello"},"recipients":[{"channel":"Email","address":"not-an-address"}]}"""), 400, "recipients[0].address");
    }

    @Test
    void aHeaderInjectionInTheAddressIsRefused() {
        assertProblem(CSR.post("/communications/send", """
                {"message":{"subject":"Hi","content":"Hello"},"recipients":[{"channel":"Email","address":"a@example.com\\r\\nBcc: b@example.com"}]}"""), 400, "recipients[0].address");
    }

    @Test
    void aHeaderInjectionInTheSubjectIsRefused() {
        assertProblem(CSR.post("/communications/send", """
                {"message":{"subject":"Hi\\r\\nBcc: b@example.com","content":"Hello"},"recipients":[{"channel":"Email","address":"a@example.com"}]}"""), 400, "message.subject");
    }

    @Test
    void anUnknownTemplateNamesTheTemplateId() {
        assertProblem(CSR.post("/communications/send", """
                {"message":{"templateId":"no-such-template"},"recipients":[{"channel":"Email","address":"a@example.com"}]}"""), 422, "message.templateId");
    }

    @Test
    void anUnknownChannelNamesTheChannel() {
        assertProblem(CSR.post("/communications/send", """
                {"channels":["Email","Pigeon"],"message":{"subject":"Hi","content":"Hello"},"recipients":[{"address":"a@example.com"}]}"""), 400, "channels[1]");
    }

    @Test
    void aRecipientWhoseChannelCannotBeChosenNamesTheChannel() {
        assertProblem(CSR.post("/communications/send", """
                {"message":{"subject":"Hi","content":"Your car is ready"},"recipients":[{"address":"a@example.com"}]}"""), 422, "recipients[0].channel");
    }

    @Test
    void malformedJsonNamesTheBody() {
        assertProblem(CSR.post("/communications/send", "{\"message\": {\"subject\": "), 400, "body");
    }

    @Test
    void aWrongTypeNamesTheProperty() {
        Api.Reply r = CSR.post("/communications/send", """
                {"message":{"subject":"Hi","content":"Hello"},"recipients":"a@example.com"}""");
        assertEquals(400, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    }

    @Test
    void aMissingVariableNamesTheVariable() {
        Api.as("admin").put("/communications/templates/needs-name", """
                {"subject":"Hello {{name}}","body":"Dear {{name}}"}""");
        assertProblem(CSR.post("/communications/send", """
                {"message":{"templateId":"needs-name","variables":{}},"recipients":[{"channel":"Email","address":"a@example.com"}]}"""), 422, "message.variables.name");
    }

    @Test
    void anUnknownCommunicationIsA404Problem() {
        Api.Reply r = CSR.get("/communications/00000000-0000-0000-0000-000000000000");
        assertEquals(404, r.status(), r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
    }

    static void assertProblem(Api.Reply r, int status, String field) {
        assertEquals(status, r.status(), "status for " + field + ": " + r.body());
        assertTrue(r.contentType().startsWith("application/problem+json"), "problem+json, was " + r.contentType());
        JsonObject problem = r.json();
        assertEquals(status, problem.getInt("status"), "status in the document");
        assertTrue(
                problem.getJsonArray("errors").stream()
                        .anyMatch(e -> field.equals(e.asJsonObject().getString("field"))),
                "names " + field + ": " + r.body());
    }
}
