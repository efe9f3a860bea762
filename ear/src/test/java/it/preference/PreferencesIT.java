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

        JsonObject read = Api.as("csr").get("/communications/preferences?stakeholderId=" + id).json();
        assertEquals("Customer", read.getString("stakeholderType"));
        assertEquals("Europe/Madrid", read.getString("timezone"));
        assertEquals(List.of("WhatsApp", "Email", "SMS"), List.copyOf(read.getJsonObject("channels").keySet()),
                "the stakeholder's order is kept");
        assertEquals("Daily", read.getJsonObject("channels").getJsonObject("Email").getString("frequency"));
        assertEquals(false, read.getJsonObject("channels").getJsonObject("SMS").getBoolean("enabled"));
        assertEquals("Immediate", read.getJsonObject("channels").getJsonObject("SMS").getString("frequency"),
                "frequency defaults to Immediate");
    }

    @Test
    void invalidNumbersAndAddressesAreRefusedByField() {
        Api.Reply r = ADMIN.put("/communications/preferences?stakeholderId=C-bad", """
                {"stakeholderType":"Client","timezone":"Mars/Olympus","channels":{
                  "SMS":{"enabled":true,"number":"0612 345 678"},
                  "Email":{"enabled":true,"address":"nope"},
                  "Fax":{"enabled":true,"address":"x"}}}""");
        assertEquals(400, r.status(), r.body());
        List<String> fields = r.json().getJsonArray("errors").stream().map(e -> e.asJsonObject().getString("field")).toList();
        assertTrue(fields.containsAll(List.of("stakeholderType", "timezone", "channels.SMS.number", "channels.Email.address",
                "channels.Fax")), fields.toString());
        assertEquals(404, ADMIN.get("/communications/preferences?stakeholderId=C-bad").status(), "nothing was stored");
    }

    @Test
    void aUserSeesAndChangesOnlyTheirOwnPreferences() {
        String me = Api.userName("user");
        String other = Api.userName("user2");
        String body = """
                {"stakeholderType":"Staff","channels":{"Email":{"enabled":true,"address":"%s@example.com"}}}""";
        assertEquals(200, Api.as("user").put("/communications/preferences?stakeholderId=" + me, body.formatted(me)).status());
        assertEquals(200, Api.as("user").get("/communications/preferences?stakeholderId=" + me).status());
        assertEquals(403, Api.as("user").get("/communications/preferences?stakeholderId=" + other).status(), "read other");
        assertEquals(403, Api.as("user").put("/communications/preferences?stakeholderId=" + other, body.formatted(other)).status(),
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
        JsonObject recipient = csr.get("/communications/" + commId).json().getJsonArray("recipients").getJsonObject(0);
        assertEquals("Email", recipient.getString("channel"), "SMS is disabled, Email is next");
        assertEquals(address, recipient.getString("address"));
        assertEquals(id, recipient.getString("stakeholderId"));
    }

    @Test
    void aSendToAStakeholderWithoutPreferencesNamesTheId() {
        Api.Reply r = Api.as("csr").post("/communications/send", """
                {"message":{"subject":"Hi","content":"Hello"},"stakeholderIds":["nobody-known"]}""");
        assertEquals(422, r.status(), r.body());
        assertEquals("stakeholderIds[0]", r.json().getJsonArray("errors").getJsonObject(0).getString("field"));
    }
}
