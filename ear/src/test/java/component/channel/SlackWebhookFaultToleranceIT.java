package component.channel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelProvider;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.DeliveryException;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.TransientDeliveryException;
import com.switchboard.channel.chat.ChatWebhookClient;
import com.switchboard.channel.chat.SlackWebhookProvider;
import com.switchboard.template.ProviderTemplate;
import com.switchboard.template.RenderedMessage;
import component.Poll;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.microprofile.config.ConfigProvider;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.asset.EmptyAsset;
import org.jboss.shrinkwrap.api.asset.StringAsset;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * In-container: {@link SlackWebhookProvider#send}'s fault-tolerance policy (the Internal channel's
 * provider, chosen because it deploys with a handful of classes) against a WireMock peer standing in
 * for Slack ({@link SlackPeer}, in the test JVM). Its counts are production's: 3 retries on a
 * transient failure (503), a circuit of 20 calls that opens at a 50 % failure ratio and closes after 2
 * successes. Only the waits are shortened through MP Config in the deployment: the retry delay to
 * 20 ms without jitter and the circuit's delay to 2 s. The methods run in order on one circuit: its
 * window counts every call since deployment (Retry calls through the circuit once per attempt).
 *
 * <p>Run alone: {@code mvn -B -ntp -o verify -pl ear -am -Dear.it.skip=true -Dcomponent.test=SlackWebhookFaultToleranceIT}
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class SlackWebhookFaultToleranceIT {
    private static final String HOOK = "/services/T0001/B0001/component-test";
    private static final String SEND = SlackWebhookProvider.class.getName() + "/send/";
    private static final long CIRCUIT_DELAY_MS = 2000;
    private static final Delivery ALERT = new Delivery(
            "c-ft", 0, Channel.Internal, "ops", new RenderedMessage("Disk full", "node 3 at 97 %", null), null);

    /** When the circuit was seen open (a static: the class lives on in the deployment between methods). */
    private static long openSeenAt;

    @Deployment
    static WebArchive deployment() {
        String peer = SlackPeer.start();
        return ShrinkWrap.create(WebArchive.class, "slack-ft.war")
                .addClasses(
                        SlackWebhookProvider.class,
                        ChatWebhookClient.class,
                        ChatWebhookClient.Answer.class,
                        ChannelProvider.class,
                        Channel.class,
                        Delivery.class,
                        RenderedMessage.class,
                        ProviderTemplate.class,
                        DeliveryException.class,
                        TransientDeliveryException.class,
                        PermanentDeliveryException.class,
                        PeerAdmin.class,
                        Poll.class)
                .addClass("com.switchboard.channel.chat.ChatWebhookProvider")
                // the SPI names a delivery's documents
                .addClasses(com.switchboard.document.DocumentRef.class, com.switchboard.document.DocumentType.class)
                .addAsResource(
                        new StringAsset(String.join(
                                "\n",
                                "peer.url=" + peer,
                                "slack.webhook.ops=" + peer + HOOK,
                                SEND + "Retry/delay=20",
                                SEND + "Retry/jitter=0",
                                SEND + "CircuitBreaker/delay=" + CIRCUIT_DELAY_MS)),
                        "META-INF/microprofile-config.properties")
                .addAsWebInfResource(EmptyAsset.INSTANCE, "beans.xml");
    }

    @Inject
    SlackWebhookProvider slack;

    private static PeerAdmin peer() {
        return new PeerAdmin(ConfigProvider.getConfig().getValue("peer.url", String.class), HOOK);
    }

    @Test
    @Order(1)
    void transientFailuresAreRetriedUntilThePeerAccepts() {
        PeerAdmin peer = peer();
        peer.reset();
        peer.failThenAccept(2, "{\"text\":\"*Disk full*\\nnode 3 at 97 %\"}");

        assertEquals("slack:c-ft-0", slack.send(ALERT));
        assertEquals(3, peer.received(), "two 503s, then the accepted post");
    }

    @Test
    @Order(2)
    void aPeerThatKeepsFailingOpensTheCircuitAndIsNoLongerCalled() {
        PeerAdmin peer = peer();
        peer.removeStubs();
        peer.alwaysAnswer(503);

        List<String> outcomes = new ArrayList<>();
        CircuitBreakerOpenException open = null;
        for (int send = 0; send < 10 && open == null; send++) {
            try {
                slack.send(ALERT);
                fail("a send succeeded against a failing peer");
            } catch (CircuitBreakerOpenException e) {
                open = e;
            } catch (TransientDeliveryException e) {
                assertTrue(e.getMessage().contains("503"), e.getMessage());
            }
            outcomes.add(open == null ? "transient" : "open");
        }
        openSeenAt = System.nanoTime();
        assertNotNull(open, "the circuit never opened: " + outcomes);
        // 3 calls of the first test + 4 sends x 4 attempts + the 5th send's first attempt fill the window of 20
        assertEquals(List.of("transient", "transient", "transient", "transient", "open"), outcomes);
        assertEquals(20, peer.received(), "calls before the circuit opened");

        for (int send = 0; send < 3; send++) {
            assertInstanceOf(CircuitBreakerOpenException.class, failure(), "an open circuit fails fast");
        }
        assertEquals(20, peer.received(), "no call reaches the peer while the circuit is open");
    }

    @Test
    @Order(3)
    void theCircuitClosesAgainOnceThePeerIsHealthyAfterItsDelay() throws Exception {
        PeerAdmin peer = peer();
        peer.removeStubs();
        peer.alwaysAnswer(200);

        List<String> attempts = new ArrayList<>();
        assertTrue(
                Poll.until(Duration.ofSeconds(10), () -> {
                    try {
                        slack.send(ALERT);
                        return true;
                    } catch (CircuitBreakerOpenException e) {
                        attempts.add("open");
                        return false;
                    }
                }),
                "still open: " + attempts);
        long sinceOpen = Duration.ofNanos(System.nanoTime() - openSeenAt).toMillis();
        assertTrue(sinceOpen >= CIRCUIT_DELAY_MS - 250, "half-open after " + sinceOpen + " ms");
        assertEquals(21, peer.received(), "only the trial call reached the peer");

        assertEquals("slack:c-ft-0", slack.send(ALERT));
        assertEquals(22, peer.received());
    }

    private Exception failure() {
        try {
            slack.send(ALERT);
            return null;
        } catch (RuntimeException e) {
            return e;
        }
    }
}
