package component.channel;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;

/**
 * The Slack peer: WireMock in the test JVM (client side only, never in a deployment), on 127.0.0.1
 * and a free port; stopped when the test JVM exits. The in-container side drives it through its admin
 * API ({@link PeerAdmin}).
 */
final class SlackPeer {
    private static WireMockServer server;

    private SlackPeer() {}

    /** Starts the peer once; its base URL. */
    static synchronized String start() {
        if (server == null) {
            server = new WireMockServer(
                    WireMockConfiguration.options().bindAddress("127.0.0.1").dynamicPort());
            server.start();
            WireMockServer started = server;
            Runtime.getRuntime().addShutdownHook(new Thread(started::stop));
        }
        return server.baseUrl();
    }
}
