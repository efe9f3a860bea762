package it.reliability;

import java.util.List;

/**
 * Every operation of the REST API with the answer each caller must get, in the order
 * anonymous, csr, admin, integration, user (ulrich). {@code AuthorizationMatrixIT} fails when
 * {@code /openapi} lists an operation no row covers, so a new endpoint needs one line here:
 * {@code row("GET", "/communications/new-thing").expect(401, 200, 200, 403, 403)}. Paths are the
 * OpenAPI templates; {@code at(...)} gives the concrete path when the template has parameters
 * ({@code {comm}} stands for a communication a CSR created before the matrix runs, {@code {own}} for one
 * the integration user created, {@code {note}} for the CSR's
 * communication's in-app note in uma's inbox, which nobody else may touch). Mutations aim at
 * things that do not exist where they can, so an allowed caller gets 404 and nothing changes.
 */
final class EndpointTable {
    static final String UNKNOWN_ID = "00000000-0000-4000-8000-000000000000";
    static final String TEMPLATE = "matrix-template";
    static final String SEND = """
            {"message":{"subject":"Matrix","content":"Authorization matrix probe"},
             "recipients":[{"channel":"Email","address":"matrix@example.com"}]}""";
    static final String TEMPLATE_BODY = """
            {"locale":"en","subject":"Matrix {{name}}","body":"Hello {{name}}"}""";
    static final String PREFERENCES = """
            {"stakeholderType":"Customer","channels":{"Email":{"enabled":true,"address":"matrix@example.com"}}}""";

    private EndpointTable() {}

    static final List<Row> ROWS = List.of(
            row("POST", "/communications/send").body(SEND).expect(401, 202, 202, 202, 403),
            // {comm} was sent by a CSR: the integration client may not read it (as if it did not exist); {own} it sent
            // itself
            row("GET", "/communications/{id}").at("/communications/{comm}").expect(401, 200, 200, 404, 403),
            row("GET", "/communications/{id}").at("/communications/{own}").expect(401, 200, 200, 200, 403),
            row("DELETE", "/communications/{id}")
                    .at("/communications/" + UNKNOWN_ID)
                    .expect(401, 404, 404, 403, 403),
            row("PUT", "/communications/{id}/schedule")
                    .at("/communications/" + UNKNOWN_ID + "/schedule")
                    .body("{\"scheduledAt\":\"2099-01-01T00:00:00Z\"}")
                    .expect(401, 404, 404, 403, 403),
            row("GET", "/communications/analytics").expect(401, 200, 200, 403, 403),
            row("GET", "/communications/channels").expect(401, 200, 200, 200, 403),
            row("POST", "/communications/test")
                    .body(
                            "{\"channel\":\"Email\",\"address\":\"matrix-test@example.com\",\"subject\":\"Probe\",\"content\":\"Probe\"}")
                    .expect(401, 403, 200, 403, 403),
            row("GET", "/communications/templates/{name}")
                    .at("/communications/templates/" + TEMPLATE)
                    .expect(401, 200, 200, 403, 403),
            row("GET", "/communications/templates/{name}/versions")
                    .at("/communications/templates/" + TEMPLATE + "/versions")
                    .expect(401, 200, 200, 403, 403),
            row("PUT", "/communications/templates/{name}")
                    .at("/communications/templates/" + TEMPLATE)
                    .body(TEMPLATE_BODY)
                    .expect(401, 403, 200, 403, 403),
            row("DELETE", "/communications/templates/{name}")
                    .at("/communications/templates/matrix-never-saved")
                    .expect(401, 403, 404, 403, 403),
            // a user reads and changes only their own preferences (ulrich's name is his stakeholder id)
            row("GET", "/communications/preferences")
                    .at("/communications/preferences?stakeholderId=ulrich")
                    .expect(401, 200, 200, 200, 200),
            row("GET", "/communications/preferences")
                    .at("/communications/preferences?stakeholderId=uma")
                    .expect(401, 200, 200, 200, 403),
            // without an id: a page (a user's holds only their own)
            row("GET", "/communications/preferences")
                    .at("/communications/preferences?stakeholderType=Staff&limit=5")
                    .expect(401, 200, 200, 200, 200),
            row("PUT", "/communications/preferences")
                    .at("/communications/preferences?stakeholderId=ulrich")
                    .body(PREFERENCES)
                    .expect(401, 200, 200, 403, 200),
            row("PUT", "/communications/preferences")
                    .at("/communications/preferences?stakeholderId=uma")
                    .body(PREFERENCES)
                    .expect(401, 200, 200, 403, 403),
            row("GET", "/communications/preferences/history")
                    .at("/communications/preferences/history?stakeholderId=ulrich")
                    .expect(401, 200, 200, 403, 200),
            row("GET", "/communications/preferences/history")
                    .at("/communications/preferences/history?stakeholderId=uma")
                    .expect(401, 200, 200, 403, 403),
            row("GET", "/communications/inapp/inbox").expect(401, 200, 200, 403, 200),
            row("GET", "/communications/inapp/unread-count").expect(401, 200, 200, 403, 200),
            // uma's note: looked up in the caller's own inbox only, so for everyone else it does not exist (404)
            row("POST", "/communications/inapp/{id}/seen")
                    .at("/communications/inapp/{note}/seen")
                    .expect(401, 404, 404, 403, 404),
            row("POST", "/communications/inapp/{id}/read")
                    .at("/communications/inapp/{note}/read")
                    .expect(401, 404, 404, 403, 404),
            row("POST", "/communications/inapp/{id}/archive")
                    .at("/communications/inapp/{note}/archive")
                    .expect(401, 404, 404, 403, 404),
            row("GET", "/communications/inapp/{id}/attachments/{documentId}")
                    .at("/communications/inapp/{note}/attachments/" + UNKNOWN_ID)
                    .expect(401, 404, 404, 403, 404),
            // a body that is no document: allowed callers get 422 and nothing is stored
            row("POST", "/communications/attachments")
                    .at("/communications/attachments?filename=matrix.pdf")
                    .body("{}")
                    .expect(401, 422, 422, 422, 403),
            row("GET", "/communications/delivery-tracking").expect(401, 200, 200, 200, 403),
            row("GET", "/communications/delivery-tracking")
                    .at("/communications/delivery-tracking?communicationId={comm}")
                    .expect(401, 200, 200, 404, 403),
            row("GET", "/communications/delivery-tracking")
                    .at("/communications/delivery-tracking?communicationId={own}")
                    .expect(401, 200, 200, 200, 403),
            row("GET", "/communications/dead-letters").expect(401, 403, 200, 403, 403),
            row("POST", "/communications/api-keys")
                    .body("{\"client\":\"matrix-client\"}")
                    .expect(401, 403, 201, 403, 403),
            row("GET", "/communications/api-keys").expect(401, 403, 200, 403, 403),
            row("POST", "/communications/preferences/number-index")
                    .at("/communications/preferences/number-index?limit=1")
                    .expect(401, 403, 200, 403, 403),
            row("GET", "/communications/audit").expect(401, 403, 200, 403, 403),
            row("DELETE", "/communications/api-keys/{keyId}")
                    .at("/communications/api-keys/matrix-unknown-key")
                    .expect(401, 403, 404, 403, 403),
            row("PUT", "/communications/api-keys/{keyId}/read-all")
                    .at("/communications/api-keys/matrix-unknown-key/read-all")
                    .body("{\"readAll\":true}")
                    .expect(401, 403, 404, 403, 403),
            // an unknown event type: the admin gets 400 and no subscription is left to receive the suite's events
            row("POST", "/communications/webhooks")
                    .body("{\"url\":\"http://127.0.0.1:9/matrix\",\"eventTypes\":[\"no-such-event\"]}")
                    .expect(401, 403, 400, 403, 403),
            row("GET", "/communications/webhooks").expect(401, 403, 200, 403, 403),
            row("GET", "/communications/webhooks/{id}")
                    .at("/communications/webhooks/matrix-unknown")
                    .expect(401, 403, 404, 403, 403),
            row("DELETE", "/communications/webhooks/{id}")
                    .at("/communications/webhooks/matrix-unknown")
                    .expect(401, 403, 404, 403, 403),
            row("POST", "/communications/webhooks/{id}/enable")
                    .at("/communications/webhooks/matrix-unknown/enable")
                    .expect(401, 403, 404, 403, 403),
            row("POST", "/communications/webhooks/{id}/disable")
                    .at("/communications/webhooks/matrix-unknown/disable")
                    .expect(401, 403, 404, 403, 403),
            row("GET", "/communications/webhooks/{id}/deliveries")
                    .at("/communications/webhooks/matrix-unknown/deliveries")
                    .expect(401, 403, 404, 403, 403),
            row("GET", "/communications/conversations").expect(401, 200, 200, 403, 403),
            row("GET", "/communications/conversations/{threadId}")
                    .at("/communications/conversations/sms-447400000099")
                    .expect(401, 404, 404, 403, 403),
            row("POST", "/communications/conversations/{threadId}/read")
                    .at("/communications/conversations/sms-447400000099/read")
                    .expect(401, 404, 404, 403, 403),
            row("POST", "/communications/conversations/{threadId}/replies")
                    .at("/communications/conversations/sms-447400000099/replies")
                    .body("{\"text\":\"matrix\"}")
                    .expect(401, 404, 404, 403, 403),
            row("GET", "/communications/conversations/{threadId}/messages/{messageId}/media")
                    .at("/communications/conversations/sms-447400000099/messages/wamid.none/media")
                    .expect(401, 404, 404, 403, 403),
            row("GET", "/communications/{id}/replies")
                    .at("/communications/{comm}/replies")
                    .expect(401, 200, 200, 403, 403),
            row("GET", "/communications/templates").expect(401, 200, 200, 403, 403),
            // the admin's PUT runs first and creates the profile the GET reads
            row("PUT", "/communications/preferences/profile")
                    .at("/communications/preferences/profile?stakeholderId=matrix-profile")
                    .body("{\"displayName\":\"Matrix Person\",\"vehicles\":[\"MX12 ABC\"]}")
                    .expect(401, 403, 200, 403, 403),
            row("GET", "/communications/preferences/profile")
                    .at("/communications/preferences/profile?stakeholderId=matrix-profile")
                    .expect(401, 200, 200, 200, 403),
            row("GET", "/communications/preferences/search")
                    .at("/communications/preferences/search?q=matrix")
                    .expect(401, 200, 200, 403, 403),
            row("GET", "/communications/suppressions")
                    .at("/communications/suppressions?channel=SMS&address=%2B447400000001")
                    .expect(401, 200, 200, 403, 403),
            row("DELETE", "/communications/suppressions")
                    .at("/communications/suppressions?channel=SMS&address=%2B447400000001&reason=matrix")
                    .expect(401, 403, 404, 403, 403),
            row("GET", "/communications/clock").expect(401, 403, 200, 403, 403),
            // a body that is no instant: the admin gets 400 and the clock the other tests rely on is not moved
            row("PUT", "/communications/clock")
                    .body("{\"now\":\"not-an-instant\"}")
                    .expect(401, 403, 400, 403, 403),
            row("DELETE", "/communications/clock").expect(401, 403, 200, 403, 403),
            // webhooks take no login: only a valid signature or token lets a caller in, whoever it is
            // the signed token is the only authority: a bad one is 400 for anyone
            row("POST", "/unsubscribe")
                    .at("/unsubscribe?token=not-a-token")
                    .body("List-Unsubscribe=One-Click")
                    .expect(400, 400, 400, 400, 400),
            // a document link's signature is the only authority: one we did not sign is 404 for anyone
            row("GET", "/documents/{id}")
                    .at("/documents/" + UNKNOWN_ID + "?exp=4102444800&sig=not-a-signature")
                    .expect(404, 404, 404, 404, 404),
            row("POST", "/webhooks/ses").body("{}").expect(403, 403, 403, 403, 403),
            row("POST", "/webhooks/sms").body("{}").expect(403, 403, 403, 403, 403),
            row("GET", "/webhooks/whatsapp")
                    .at("/webhooks/whatsapp?hub.mode=subscribe&hub.verify_token=guess&hub.challenge=1")
                    .expect(403, 403, 403, 403, 403),
            row("POST", "/webhooks/whatsapp")
                    .body("{\"object\":\"whatsapp_business_account\",\"entry\":[]}")
                    .expect(403, 403, 403, 403, 403));

    static Row row(String method, String template) {
        return new Row(method, template, template, null, null);
    }

    /** One operation called one way, with the status each {@link Caller} must get (in enum order). */
    record Row(String method, String template, String path, String body, int[] expected) {
        Row at(String concretePath) {
            return new Row(method, template, concretePath, body, expected);
        }

        Row body(String json) {
            return new Row(method, template, path, json, expected);
        }

        Row expect(int anonymous, int csr, int admin, int integration, int user) {
            return new Row(method, template, path, body, new int[] {anonymous, csr, admin, integration, user});
        }

        String operation() {
            return method + " " + template;
        }

        int expected(Caller caller) {
            return expected[caller.ordinal()];
        }

        @Override
        public String toString() {
            return method + " " + path;
        }
    }
}
