package it.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Operators see every channel's state and can probe a provider with a test send. */
@ExtendWith(Switchboard.class)
class ChannelsIT {

    @Test
    void everyChannelIsListedWithItsCircuit() {
        Api.Reply list = Api.as("csr").get("/communications/channels");
        assertEquals(200, list.status(), list.body());
        Map<String, JsonObject> channels = list.jsonArray().stream()
                .map(JsonValue::asJsonObject)
                .collect(Collectors.toMap(o -> o.getString("channel"), o -> o));
        assertEquals(Set.of("Email", "SMS", "WhatsApp", "InApp", "Internal"), channels.keySet(), "all five channels");
        JsonObject email = channels.get("Email");
        assertTrue(email.getBoolean("configured"), "email is configured in the local profile");
        assertEquals("closed", email.getString("circuit"), "email's circuit is closed");
    }

    @Test
    void anAdminTestSendReturnsTheProvidersAnswer() {
        Api.Reply ok = Api.as("admin").post("/communications/test", """
                {"channel":"Email","address":"probe@example.com","subject":"Probe","content":"Is SMTP there?"}""");
        assertEquals(200, ok.status(), ok.body());
        assertTrue(ok.json().getBoolean("accepted"), ok.body());
        assertTrue(ok.json().getString("providerMessageId").startsWith("0100"), "the SES-style id of the SMTP reply");

        Switchboard.sandbox()
                .smtp()
                .failRecipient("refused@example.com", 550, "5.7.1 Message rejected", Integer.MAX_VALUE);
        Api.Reply refused = Api.as("admin").post("/communications/test", """
                {"channel":"Email","address":"refused@example.com"}""");
        assertEquals(200, refused.status(), refused.body());
        assertFalse(refused.json().getBoolean("accepted"), refused.body());
        assertTrue(refused.json().getString("error").contains("550 5.7.1 Message rejected"), refused.body());
        assertFalse(refused.json().getBoolean("transientError"), "a 5xx is permanent");
    }

    @Test
    void onlyAdminsMayTestSend() {
        assertEquals(
                403,
                Api.as("csr")
                        .post("/communications/test", "{\"channel\":\"Email\",\"address\":\"a@example.com\"}")
                        .status());
    }
}
