package sandbox;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;

/**
 * The Amazon SNS Query API as the sandbox WireMock plays it: {@code POST /} with a form body;
 * {@code Action=Publish} answers a {@code PublishResponse} with a fresh {@code MessageId}, any
 * other action the SNS XML error document. Both at a low priority, so tests put their own faults
 * (priority 1 to 9) in front and reset to these.
 */
public final class SnsStubs {
    /** Priority of the default stubs; lower numbers win in WireMock. */
    public static final int DEFAULT_PRIORITY = 10;

    private static final String XMLNS = "https://sns.amazonaws.com/doc/2010-03-31/";

    private SnsStubs() {}

    public static void install(WireMockServer wireMock) {
        wireMock.stubFor(publish()
                .atPriority(DEFAULT_PRIORITY)
                .willReturn(aResponse()
                        .withStatus(200)
                        .withHeader("Content-Type", "text/xml")
                        .withBody("""
                        <PublishResponse xmlns="%s">
                          <PublishResult>
                            <MessageId>{{randomValue type='UUID'}}</MessageId>
                          </PublishResult>
                          <ResponseMetadata>
                            <RequestId>{{randomValue type='UUID'}}</RequestId>
                          </ResponseMetadata>
                        </PublishResponse>
                        """.formatted(XMLNS))
                        .withTransformers("response-template")));
        wireMock.stubFor(post(urlEqualTo("/"))
                .atPriority(DEFAULT_PRIORITY + 1)
                .willReturn(error(
                        400,
                        "Sender",
                        "InvalidAction",
                        "The action or operation requested is invalid. Verify that the action is typed correctly.")));
    }

    /** A Publish request, as tests narrow it (e.g. by {@code PhoneNumber}) for their fault stubs. */
    public static MappingBuilder publish() {
        return post(urlEqualTo("/")).withFormParam("Action", equalTo("Publish"));
    }

    /** The SNS error document, e.g. {@code error(400, "Sender", "InvalidParameter", "Invalid parameter: PhoneNumber")}. */
    public static ResponseDefinitionBuilder error(int status, String type, String code, String message) {
        return aResponse()
                .withStatus(status)
                .withHeader("Content-Type", "text/xml")
                .withBody("""
                        <ErrorResponse xmlns="%s">
                          <Error>
                            <Type>%s</Type>
                            <Code>%s</Code>
                            <Message>%s</Message>
                          </Error>
                          <RequestId>{{randomValue type='UUID'}}</RequestId>
                        </ErrorResponse>
                        """.formatted(XMLNS, type, code, message))
                .withTransformers("response-template");
    }
}
