package sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.matching;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * The WhatsApp Business Cloud API (Graph API) as the sandbox WireMock plays it:
 * {@code POST /v21.0/{phone-number-id}/messages} with a bearer token answers 200 with the documented
 * body and a fresh {@code wamid.} id per request; without one (or with another scheme) Graph's 401
 * OAuthException, code 190. {@code GET /v21.0/{media-id}} names a download URL on the sandbox that
 * serves {@link #MEDIA_BYTES} to the bearer token. The stubs have a low priority so tests can put faults in front.
 */
public final class GraphApiStubs {
    public static final String MESSAGES = "/v[0-9.]+/[0-9]+/messages";
    public static final int DEFAULT_PRIORITY = 100;
    /** {@code GET /{version}/{media-id}}: where a customer's media is. */
    public static final String MEDIA = "/v[0-9.]+/[A-Za-z0-9._-]+";
    /** What every sandbox media id downloads as: a small PDF. */
    public static final byte[] MEDIA_BYTES = "%PDF-1.4\n% sandbox media\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
            .getBytes(java.nio.charset.StandardCharsets.US_ASCII);

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
        // a customer's media: Graph names a short-lived URL, which serves the bytes to the same bearer token
        wireMock.stubFor(get(urlPathMatching(MEDIA))
                .atPriority(DEFAULT_PRIORITY)
                .withHeader("Authorization", matching("Bearer \\S+"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/json")
                        .withTransformers("response-template")
                        .withBody("""
                                {"messaging_product":"whatsapp",\
                                "url":"http://127.0.0.1:8089/sandbox/media/{{request.pathSegments.[1]}}",\
                                "mime_type":"application/pdf","file_size":%d,\
                                "id":"{{request.pathSegments.[1]}}"}""".formatted(MEDIA_BYTES.length))));
        wireMock.stubFor(get(urlPathMatching("/sandbox/media/[^/]+"))
                .atPriority(DEFAULT_PRIORITY)
                .withHeader("Authorization", matching("Bearer \\S+"))
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "application/pdf")
                        .withBody(MEDIA_BYTES)));
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
