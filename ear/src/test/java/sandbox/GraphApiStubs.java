package sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The WhatsApp Business Cloud API (Graph API) as the sandbox WireMock plays it:
 * {@code POST /v21.0/{phone-number-id}/messages} with a bearer token answers 200 with the documented
 * body and a fresh {@code wamid.} id per request; without one (or with another scheme) Graph's 401
 * OAuthException, code 190. Both stubs have a low priority so tests can put faults in front.
 */
public final class GraphApiStubs {
    public static final String MESSAGES = "/v[0-9.]+/[0-9]+/messages";
    public static final int DEFAULT_PRIORITY = 100;

    private GraphApiStubs() {}

    public static void install(WireMockServer wireMock) {
        wireMock.stubFor(post(urlPathMatching(MESSAGES))
                .atPriority(DEFAULT_PRIORITY)
                .withHeader("Authorization", matching("Bearer \\S+"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"messaging_product":"whatsapp",\
                                "contacts":[{"input":"{{jsonPath request.body '$.to'}}",\
                                "wa_id":"{{replace (jsonPath request.body '$.to') '+' ''}}"}],\
                                "messages":[{"id":"wamid.{{randomValue length=40 type='ALPHANUMERIC'}}"}]}""")));
        wireMock.stubFor(post(urlPathMatching(MESSAGES))
                .atPriority(DEFAULT_PRIORITY + 1)
                .willReturn(graphError(
                        401, 190, 0, "OAuthException", "Invalid OAuth access token - Cannot parse access token")));
    }

    /** A Graph API error answer as the real service sends it. */
    public static com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder graphError(
            int status, int code, int subcode, String type, String message) {
        String sub = subcode == 0 ? "" : ",\"error_subcode\":" + subcode;
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type + "\",\"code\":" + code + sub
                        + ",\"fbtrace_id\":\"AbCdEfGhIjKlMnOp\"}}");
    }
}
