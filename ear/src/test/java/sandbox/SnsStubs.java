package sandbox;

import com.github.tomakehurst.wiremock.WireMockServer;

/** The Amazon SNS Query API as the sandbox WireMock plays it (Publish to a phone number). */
public final class SnsStubs {
    private SnsStubs() {
    }

    public static void install(WireMockServer wireMock) {
        // filled in by the SMS channel
    }
}
