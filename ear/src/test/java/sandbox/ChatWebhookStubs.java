package sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;

/**
 * Slack and Microsoft Teams incoming webhooks as the sandbox WireMock plays them: Slack answers
 * {@code 200 ok} (text/plain) to {@code POST /slack/services/...}, a Teams Workflows webhook
 * {@code 202} with no body to {@code POST /teams/...}. Low priority, so tests put faults in front.
 */
public final class ChatWebhookStubs {
    public static final String SLACK_PATH = "/slack/services/.*";
    public static final String TEAMS_PATH = "/teams/.*";

    private ChatWebhookStubs() {}

    public static void install(WireMockServer wireMock) {
        wireMock.stubFor(slack().atPriority(SnsStubs.DEFAULT_PRIORITY)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/plain")
                        .withBody("ok")));
        wireMock.stubFor(teams().atPriority(SnsStubs.DEFAULT_PRIORITY)
                .willReturn(aResponse().withStatus(202)));
    }

    public static MappingBuilder slack() {
        return post(urlPathMatching(SLACK_PATH));
    }

    public static MappingBuilder teams() {
        return post(urlPathMatching(TEAMS_PATH));
    }
}
