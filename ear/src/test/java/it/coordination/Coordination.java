package it.coordination;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import it.support.Api;
import it.support.Switchboard;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/** What the coordination tests share: stakeholders with fresh addresses, and what the SNS sandbox was asked. */
final class Coordination {

    private Coordination() {}

    /** Stores preferences for a new stakeholder; {@code channels} is the JSON object of their channels, in order. */
    static String stakeholder(String type, String channels) {
        String id = "S-" + UUID.randomUUID();
        Api.Reply put = Api.as("admin")
                .put(
                        "/communications/preferences?stakeholderId=" + id,
                        "{\"stakeholderType\":\"" + type + "\",\"channels\":" + channels + "}");
        assertEquals(200, put.status(), "preferences stored: " + put.body());
        return id;
    }

    /** Saves a template that carries an approved WhatsApp template, so WhatsApp is chosen by content. */
    static void saveWhatsAppTemplate(String name) {
        Api.Reply saved = Api.as("admin").put("/communications/templates/" + name, """
                {"locale":"en","channel":"WhatsApp","body":"Hello {{name}}, your car is due for service.",
                 "whatsappTemplate":"service_reminder","whatsappLanguage":"en_US","whatsappParameters":["name"]}""");
        assertEquals(200, saved.status(), "admin saves a template with a WhatsApp template: " + saved.body());
    }

    /** Drops a test's own stubs and request log: the sandbox answers as it does by default again. */
    static void resetWireMock() {
        wireMock().resetAll();
        sandbox.Sandbox.installDefaultStubs(wireMock());
    }

    static String uniqueNumber() {
        return "+3462" + String.format("%07d", ThreadLocalRandom.current().nextInt(10_000_000));
    }

    static String uniqueEmail(String domain) {
        return "fb-" + UUID.randomUUID() + domain;
    }

    static List<LoggedRequest> smsTo(String number) {
        return wireMock()
                .findAll(postRequestedFor(urlEqualTo("/"))
                        .withFormParam("Action", equalTo("Publish"))
                        .withFormParam("PhoneNumber", equalTo(number)));
    }

    static JsonArray recipients(String id) {
        return it.support.Tracking.communication(id).getJsonArray("recipients");
    }

    /**
     * Waits until the communication has a recipient {@code index} in {@code status}: unlike
     * {@link it.support.Tracking#awaitRecipient}, the entry may not exist yet (a fallback adds it).
     */
    static JsonObject awaitEntry(String id, int index, String status) {
        JsonObject[] last = new JsonObject[1];
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(200))
                .alias("recipient " + index + " of " + id + " exists and becomes " + status)
                .until(() -> {
                    JsonArray all = recipients(id);
                    last[0] = all.size() > index ? all.getJsonObject(index) : null;
                    return last[0] != null && status.equals(last[0].getString("status"));
                });
        return last[0];
    }

    static WireMockServer wireMock() {
        return Switchboard.sandbox().wireMock();
    }
}
