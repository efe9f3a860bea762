package it.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.support.Api;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * What one send may cost: phones only in the allowed countries, one copy per channel and address,
 * and the recipient cap counting every delivery a send can make, fallbacks and copies included.
 */
@ExtendWith(Switchboard.class)
class SpendLimitsIT {
    private static final Api CSR = Api.as("csr");

    @Test
    void anSmsOrWhatsAppToACountryNotAllowedIsRefusedNamingTheAddress() {
        for (String channel : new String[] {"SMS", "WhatsApp"}) {
            Api.Reply r = CSR.post("/communications/send", """
                    {"recipients":[{"channel":"%s","address":"+33612345678"}],"message":{"content":"Votre voiture est prête"}}""".formatted(channel));
            assertEquals(422, r.status(), channel + ": " + r.body());
            assertField(r, "recipients[0].address", "allow-list");
        }
        Api.Reply fallback = CSR.post("/communications/send", """
                {"recipients":[{"channel":"Email","address":"x@example.com",
                  "fallbacks":[{"channel":"SMS","address":"+4915112345678"}]}],"message":{"subject":"s","content":"c"}}""");
        assertEquals(422, fallback.status(), "a fallback abroad too: " + fallback.body());
        assertField(fallback, "recipients[0].fallbacks[0].address", "allow-list");
    }

    @Test
    void theSameAddressListedManyTimesIsSentOnce() {
        String number = "+447400" + String.format("%06d", (int) (Math.random() * 1_000_000));
        JsonArrayBuilder recipients = Json.createArrayBuilder();
        for (int i = 0; i < 50; i++) {
            recipients.add(Json.createObjectBuilder().add("channel", "SMS").add("address", number));
        }
        String email = "dup-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
        recipients.add(Json.createObjectBuilder().add("channel", "Email").add("address", email));
        recipients.add(Json.createObjectBuilder().add("channel", "Email").add("address", email.toUpperCase()));
        String id = Tracking.send(Json.createObjectBuilder()
                .add("recipients", recipients)
                .add(
                        "message",
                        Json.createObjectBuilder().add("subject", "Recall").add("content", "Once is enough"))
                .build()
                .toString());
        JsonObject c = Tracking.communication(id);
        assertEquals(2, c.getJsonArray("recipients").size(), "one SMS and one email, not 52: " + c);
    }

    @Test
    void theCapCountsEveryFallbackASendCouldTake() {
        JsonArrayBuilder recipients = Json.createArrayBuilder();
        for (int i = 0; i < 4_000; i++) {
            recipients.add(Json.createObjectBuilder()
                    .add("channel", "Email")
                    .add("address", "cap" + i + "@example.com")
                    .add(
                            "fallbacks",
                            Json.createArrayBuilder()
                                    .add(Json.createObjectBuilder()
                                            .add("channel", "SMS")
                                            .add("address", "+447400" + String.format("%06d", i)))
                                    .add(Json.createObjectBuilder()
                                            .add("channel", "InApp")
                                            .add("address", "user" + i))));
        }
        Api.Reply r = CSR.post(
                "/communications/send",
                Json.createObjectBuilder()
                        .add("recipients", recipients)
                        .add(
                                "message",
                                Json.createObjectBuilder().add("subject", "s").add("content", "c"))
                        .build()
                        .toString());
        assertEquals(
                422,
                r.status(),
                "4,000 recipients with two fallbacks each are 12,000 possible deliveries: " + r.body());
        assertField(r, "recipients", "12000 deliveries");
    }

    private static void assertField(Api.Reply r, String field, String says) {
        assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
        assertTrue(
                r.json().getJsonArray("errors").stream()
                        .map(JsonObject.class::cast)
                        .anyMatch(e -> field.equals(e.getString("field"))
                                && e.getString("message").contains(says)),
                "names " + field + " (" + says + "): " + r.body());
    }
}
