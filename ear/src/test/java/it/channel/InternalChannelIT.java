package it.channel;

import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import it.support.Api;
import it.support.ServerVariableOverride;
import it.support.Switchboard;
import it.support.Tracking;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import sandbox.ChatWebhookStubs;

/**
 * Staff alerts on the Internal channel reach the chat platform's incoming webhook (WireMock as
 * Slack and Teams), addressed by webhook name; the platform is chosen by configuration alone.
 */
@ExtendWith(Switchboard.class)
class InternalChannelIT {

    @Test
    void anInternalAlertReachesTheSlackWebhookAsText() {
        String text = "Lift 3 is out of service " + UUID.randomUUID();
        String id = Tracking.send("""
                {"message":{"subject":"Workshop alert","content":"%s"},"recipients":[{"channel":"Internal","address":"ops"}]}""".formatted(text));

        JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);
        LoggedRequest post = onlyPostContaining(ChatWebhookStubs.SLACK_PATH, text);
        assertEquals(
                "/slack/services/T0SANDBOX/B0SANDBOX/sandbox-secret",
                post.getUrl(),
                "the URL configured as slack.webhook.ops");
        assertTrue(
                post.getHeader("Content-Type").startsWith("application/json"),
                "JSON: " + post.getHeader("Content-Type"));
        assertEquals(
                Json.createObjectBuilder()
                        .add("text", "*Workshop alert*\n" + text)
                        .build(),
                json(post),
                "Slack's text payload, subject in bold");
        assertEquals(
                "slack:" + id + "-0",
                recipient.getString("providerMessageId"),
                "the delivery id stands for Slack's missing id");
    }

    @Test
    void aWebhookNameThatIsNotConfiguredIsRefusedAtSendTime() {
        Api.Reply r = Api.as("csr").post("/communications/send", """
                {"message":{"content":"Nobody listens"},"recipients":[{"channel":"Internal","address":"no-such-room"}]}""");
        assertEquals(422, r.status(), "an unknown webhook name is unprocessable: " + r.body());
        JsonObject error = r.json().getJsonArray("errors").getJsonObject(0);
        assertEquals("recipients[0]", error.getString("field"), r.body());
        assertTrue(error.getString("message").contains("no-such-room"), "names the webhook: " + r.body());
        assertEquals(400, Api.as("csr").post("/communications/send", """
                {"message":{"content":"x"},"recipients":[{"channel":"Internal","address":"https://hooks.example/secret"}]}""").status(), "a URL is no webhook name");
    }

    @Test
    void switchingTheProviderToTeamsByConfigurationSendsAnAdaptiveCard() throws Exception {
        try (var teams = ServerVariableOverride.set("internal-provider", "channel.internal.provider", "teams")) {
            awaitInternalProvider("teams");
            String text = "Parts delivery delayed " + UUID.randomUUID();
            String id = Tracking.send("""
                    {"message":{"subject":"Stock","content":"%s"},"recipients":[{"channel":"Internal","address":"ops"}]}""".formatted(text));

            JsonObject recipient = Tracking.awaitRecipientAccepted(id, 0);
            JsonObject card = json(onlyPostContaining(ChatWebhookStubs.TEAMS_PATH, text));
            assertEquals("message", card.getString("type"), "a Teams message: " + card);
            JsonObject attachment = card.getJsonArray("attachments").getJsonObject(0);
            assertEquals(
                    "application/vnd.microsoft.card.adaptive",
                    attachment.getString("contentType"),
                    "an Adaptive Card: " + card);
            JsonObject content = attachment.getJsonObject("content");
            assertEquals("AdaptiveCard", content.getString("type"), card.toString());
            List<String> blocks = content.getJsonArray("body").stream()
                    .map(JsonValue::asJsonObject)
                    .map(b -> b.getString("text"))
                    .toList();
            assertEquals(List.of("Stock", text), blocks, "the subject as heading, then the text");
            assertEquals("teams:" + id + "-0", recipient.getString("providerMessageId"), "sent by the Teams provider");
            assertEquals(
                    0,
                    wireMock().findAll(postRequestedFor(urlPathMatching(ChatWebhookStubs.SLACK_PATH))).stream()
                            .filter(r -> r.getBodyAsString().contains(text))
                            .count(),
                    "nothing went to Slack");
        } finally {
            awaitInternalProvider("slack"); // the override is gone once the try closed it
        }
    }

    private static void awaitInternalProvider(String provider) {
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .alias("the Internal channel is provided by " + provider)
                .until(() -> Api.as("csr").get("/communications/channels").jsonArray().stream()
                        .map(JsonValue::asJsonObject)
                        .anyMatch(c -> "Internal".equals(c.getString("channel"))
                                && provider.equals(c.getString("provider", null))));
    }

    private static LoggedRequest onlyPostContaining(String pathPattern, String text) {
        List<LoggedRequest> posts = wireMock().findAll(postRequestedFor(urlPathMatching(pathPattern))).stream()
                .filter(r -> r.getBodyAsString().contains(text))
                .toList();
        assertEquals(1, posts.size(), "one webhook post carries the alert: " + posts);
        return posts.get(0);
    }

    private static JsonObject json(LoggedRequest request) {
        try (var reader = Json.createReader(new StringReader(request.getBodyAsString()))) {
            return reader.readObject();
        }
    }

    private static WireMockServer wireMock() {
        return Switchboard.sandbox().wireMock();
    }
}
