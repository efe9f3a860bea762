package sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The WhatsApp Business Cloud API (Graph API) as the sandbox WireMock plays it. */
public final class GraphApiStubs {
    private GraphApiStubs() {
    }

    public static void install(WireMockServer wireMock) {
        // filled in by the WhatsApp channel
    }
}
