package it.preference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import jakarta.json.JsonObject;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Preferences are stored in DynamoDB as given, validated, private to their user, and drive sends. */
@ExtendWith(Switchboard.class)
class PreferencesIT {
    private static final Api ADMIN = Api.as("admin");

    @Test
    void preferencesRoundTripThroughDynamoDbInTheirOrder() {
        String id = "C-" + UUID.randomUUID();
        Api.Reply put = ADMIN.put("/communications/preferences?stakeholderId=" + id, """
                {"stakeholderType":"Customer","timezone":"Europe/Madrid","channels":{
                  "WhatsApp":{"enabled":true,"number":"+34612345678","frequency":"Immediate"},
                  "Email":{"enabled":true,"address":"cliente@example.es","frequency":"Daily"},
                  "SMS":{"enabled":false,"number":"+34612345678"}}}""");
        assertEquals(200, put.status(), put.body());

        JsonObject read = Api.as("csr")
                .get("/communications/preferences?stakeholderId=" + id)
                .json();
        assertEquals("Customer", read.getString("stakeholderType"));
        assertEquals("Europe/Madrid", read.getString("timezone"));
        assertEquals(
                List.of("WhatsApp", "Email", "SMS"),
                List.copyOf(read.getJsonObject("channels").keySet()),
                "the stakeholder's order is kept");
        assertEquals(
                "Daily", read.getJsonObject("channels").getJsonObject("Email").getString("frequency"));
        assertEquals(false, read.getJsonObject("channels").getJsonObject("SMS").getBoolean("enabled"));
        assertEquals(
                "Immediate",
                read.getJsonObject("channels").getJsonObject("SMS").getString("frequency"),
                "frequency defaults to Immediate");
    }

    @Test
    void theStorysPreferenceBodyIsTakenFromACsrAndAnsweredInBothSpellings() {
        String id = "C-" + UUID.randomUUID();
        Api.Reply put = Api.as("csr").put("/communications/preferences?stakeholderId=" + id, """
                {"stakeholderId":"%s","stakeholderType":"CUSTOMER","preferences":{
                  "email":{"enabled":true,"address":"story@example.com","frequency":"IMMEDIATE"},
                  "sms":{"enabled":true,"number":"+447400123456","frequency":"Immediate"},
                  "whatsapp":{"enabled":false},
                  "inApp":{"enabled":true,"frequency":"Daily"}}}""".formatted(id));
        assertEquals(200, put.status(), "a CSR saves the story's shape (in-app without an address): " + put.body());

        JsonObject read = Api.as("integration")
                .get("/communications/preferences?stakeholderId=" + id)
                .json();
        assertEquals("Customer", read.getString("stakeholderType"));
        assertEquals(
                List.of("Email", "SMS", "WhatsApp", "InApp"),
                List.copyOf(read.getJsonObject("channels").keySet()));
        assertEquals(
                List.of("email", "sms", "whatsapp", "inApp"),
                List.copyOf(read.getJsonObject("preferences").keySet()),
                "and in the story's spelling: " + read);
        assertEquals(
                id,
                read.getJsonObject("preferences").getJsonObject("inApp").getString("address"),
                "in-app reaches the stakeholder");
        assertEquals(
                "Daily",
                read.getJsonObject("preferences").getJsonObject("inApp").getString("frequency"));
        assertEquals(
                "+447400123456",
                read.getJsonObject("preferences").getJsonObject("sms").getString("number"));
        assertEquals(Api.userName("csr"), read.getString("updatedBy"), "who saved them");
        assertTrue(read.containsKey("updatedAt"), "and when: " + read);

        Api.Reply both = ADMIN.put("/communications/preferences?stakeholderId=" + id, """
                {"stakeholderType":"Customer","channels":{"Email":{"address":"a@example.com"}},"preferences":{"email":{"address":"b@example.com"}}}""");
        assertEquals(400, both.status(), both.body());
        assertEquals(
                "preferences",
                both.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }

    @Test
    void inAppIsAlsoCalledInDashApp() {
        Api.Reply r = Api.as("csr").post("/communications/send", """
                {"message":{"subject":"Ready","content":"Your car is ready"},"recipients":[{"channel":"In-App","address":"%s"}]}""".formatted(Api.userName("user")));
        assertEquals(202, r.status(), "the story's channel name is accepted: " + r.body());
        assertEquals(
                "InApp",
                it.support.Tracking.communication(r.json().getString("communicationId"))
                        .getJsonArray("recipients")
                        .getJsonObject(0)
                        .getString("channel"));
    }

    @Test
    void everyChangeIsKeptWithWhoWhenAndWhat() {
        String id = "C-" + UUID.randomUUID();
        String body = """
                {"stakeholderType":"Customer","channels":{"SMS":{"enabled":true,"number":"%s"}}}""";
        assertEquals(
                200,
                Api.as("csr")
                        .put("/communications/preferences?stakeholderId=" + id, body.formatted("+447400111111"))
                        .status());
        assertEquals(
                200,
                ADMIN.put("/communications/preferences?stakeholderId=" + id, body.formatted("+447400222222"))
                        .status());

        Api.Reply r = Api.as("csr").get("/communications/preferences/history?stakeholderId=" + id);
        assertEquals(200, r.status(), r.body());
        List<JsonObject> changes = r.json().getJsonArray("items").getValuesAs(JsonObject.class);
        assertEquals(2, changes.size(), r.body());
        assertEquals(Api.userName("admin"), changes.get(0).getString("by"), "newest first");
        assertEquals(
                "SMS.number: +447400111111 → +447400222222",
                changes.get(0).getJsonArray("changes").getString(0));
        assertEquals(Api.userName("csr"), changes.get(1).getString("by"));
        assertTrue(
                changes.get(1).getJsonArray("changes").getString(0).startsWith("created"),
                changes.get(1).toString());

        Api.Reply first = Api.as("csr").get("/communications/preferences/history?stakeholderId=" + id + "&limit=1");
        Api.Reply second = Api.as("csr")
                .get("/communications/preferences/history?stakeholderId=" + id + "&limit=1&next="
                        + first.json().getString("next"));
        assertEquals(changes.get(1), second.json().getJsonArray("items").getJsonObject(0), "paged with next");
    }

    @Test
    void withoutAnIdTheListIsPagedAndFilteredByTypeAndSearch() {
        String run = UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            assertEquals(
                    200,
                    ADMIN.put("/communications/preferences?stakeholderId=SUP-" + run + "-" + i, """
                    {"stakeholderType":"Supplier","channels":{"Email":{"address":"parts%d@example.com"}}}""".formatted(i))
                            .status());
        }
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        String next = null;
        for (int page = 0; page < 100; page++) {
            Api.Reply r = Api.as("csr")
                    .get("/communications/preferences?stakeholderType=Supplier&limit=2"
                            + (next == null ? "" : "&next=" + next));
            assertEquals(200, r.status(), r.body());
            List<JsonObject> items = r.json().getJsonArray("items").getValuesAs(JsonObject.class);
            assertTrue(items.size() <= 2, "a page holds at most limit items");
            items.forEach(p -> {
                assertEquals("Supplier", p.getString("stakeholderType"), "only suppliers");
                seen.add(p.getString("stakeholderId"));
            });
            next = r.json().getString("next", null);
            if (next == null) {
                break;
            }
        }
        assertTrue(
                seen.containsAll(List.of("SUP-" + run + "-0", "SUP-" + run + "-1", "SUP-" + run + "-2")),
                seen.toString());

        assertEquals(
                200,
                ADMIN.put(
                                "/communications/preferences/profile?stakeholderId=SUP-" + run + "-1",
                                "{\"displayName\":\"Parts Wholesaler " + run + "\"}")
                        .status());
        Api.Reply found = Api.as("csr").get("/communications/preferences?q=" + run);
        assertEquals(200, found.status(), found.body());
        assertEquals(
                List.of("SUP-" + run + "-1"),
                found.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .map(p -> p.getString("stakeholderId"))
                        .toList(),
                "found by name through the stakeholder search");

        for (String forged : List.of("LTF8", "OTl8", "not-base64!")) { // "-1|", "99|": a type index out of range
            Api.Reply bad = Api.as("csr").get("/communications/preferences?limit=2&next=" + forged);
            assertEquals(400, bad.status(), forged + ": " + bad.body());
            assertEquals(
                    "next", bad.json().getJsonArray("errors").getJsonObject(0).getString("field"));
        }

        Api.Reply own = Api.as("user").get("/communications/preferences");
        assertEquals(200, own.status(), own.body());
        assertTrue(
                own.json().getJsonArray("items").getValuesAs(JsonObject.class).stream()
                        .allMatch(p -> Api.userName("user").equals(p.getString("stakeholderId"))),
                "a user's list holds only their own: " + own.body());
    }

    @Test
    void invalidNumbersAndAddressesAreRefusedByField() {
        Api.Reply r = ADMIN.put("/communications/preferences?stakeholderId=C-bad", """
                {"stakeholderType":"Client","timezone":"Mars/Olympus","channels":{
                  "SMS":{"enabled":true,"number":"0612 345 678"},
                  "Email":{"enabled":true,"address":"nope"},
                  "Fax":{"enabled":true,"address":"x"}}}""");
        assertEquals(400, r.status(), r.body());
        List<String> fields = r.json().getJsonArray("errors").stream()
                .map(e -> e.asJsonObject().getString("field"))
                .toList();
        assertTrue(
                fields.containsAll(List.of(
                        "stakeholderType",
                        "timezone",
                        "channels.SMS.number",
                        "channels.Email.address",
                        "channels.Fax")),
                fields.toString());
        assertEquals(
                404,
                ADMIN.get("/communications/preferences?stakeholderId=C-bad").status(),
                "nothing was stored");
    }

    @Test
    void aUserSeesAndChangesOnlyTheirOwnPreferences() {
        String me = Api.userName("user");
        String other = Api.userName("user2");
        String body = """
                {"stakeholderType":"Staff","channels":{"Email":{"enabled":true,"address":"%s@example.com"}}}""";
        assertEquals(
                200,
                Api.as("user")
                        .put("/communications/preferences?stakeholderId=" + me, body.formatted(me))
                        .status());
        assertEquals(
                200,
                Api.as("user")
                        .get("/communications/preferences?stakeholderId=" + me)
                        .status());
        assertEquals(
                403,
                Api.as("user")
                        .get("/communications/preferences?stakeholderId=" + other)
                        .status(),
                "read other");
        assertEquals(
                403,
                Api.as("user")
                        .put("/communications/preferences?stakeholderId=" + other, body.formatted(other))
                        .status(),
                "write other");
    }

    @Test
    void aSendToAStakeholderIdGoesToTheirFirstEnabledChannel() {
        String id = "C-" + UUID.randomUUID();
        String address = id.toLowerCase() + "@example.com";
        ADMIN.put("/communications/preferences?stakeholderId=" + id, """
                {"stakeholderType":"Customer","channels":{
                  "SMS":{"enabled":false,"number":"+447911123456"},
                  "Email":{"enabled":true,"address":"%s"}}}""".formatted(address));
        Api csr = Api.as("csr");
        Api.Reply accepted = csr.post("/communications/send", """
                {"message":{"subject":"MOT reminder","content":"Your MOT is due."},"stakeholderIds":["%s"]}""".formatted(id));
        assertEquals(202, accepted.status(), accepted.body());
        String commId = accepted.json().getString("communicationId");
        it.support.Tracking.awaitRecipientAccepted(commId, 0);
        JsonObject recipient = csr.get("/communications/" + commId)
                .json()
                .getJsonArray("recipients")
                .getJsonObject(0);
        assertEquals("Email", recipient.getString("channel"), "SMS is disabled, Email is next");
        assertEquals(address, recipient.getString("address"));
        assertEquals(id, recipient.getString("stakeholderId"));
    }

    @Test
    void aSendToAStakeholderWithoutPreferencesNamesTheId() {
        Api.Reply r = Api.as("csr").post("/communications/send", """
                {"message":{"subject":"Hi","content":"Hello"},"stakeholderIds":["nobody-known"]}""");
        assertEquals(422, r.status(), r.body());
        assertEquals(
                "stakeholderIds[0]",
                r.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
