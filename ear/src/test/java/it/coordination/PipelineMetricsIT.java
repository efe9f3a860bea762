package it.coordination;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.matchingJsonPath;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static it.coordination.Coordination.awaitEntry;
import static it.coordination.Coordination.resetWireMock;
import static it.coordination.Coordination.saveWhatsAppTemplate;
import static it.coordination.Coordination.stakeholder;
import static it.coordination.Coordination.uniqueNumber;
import static it.coordination.Coordination.wireMock;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static sandbox.GraphApiStubs.MESSAGES;
import static sandbox.GraphApiStubs.graphError;

import it.support.Metrics;
import it.support.Switchboard;
import it.support.Tracking;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The operator's MicroProfile Metrics move with the pipeline: a WhatsApp attempt refused for good,
 * the SMS fallback it hands over to, accepted and then Delivered through the sandbox's receipt,
 * each show up in {@code /metrics?scope=application} by channel.
 */
@ExtendWith(Switchboard.class)
class PipelineMetricsIT {

    @BeforeAll
    static void template() {
        saveWhatsAppTemplate("metrics-reminder");
    }

    @AfterEach
    void resetSandbox() {
        resetWireMock();
    }

    @Test
    void providerCallsFallbacksOutcomesAndTimeToDeliverAreCountedPerChannel() {
        double whatsappRefused =
                Metrics.sum("switchboard_provider_calls_total", "channel=\"WhatsApp\"", "result=\"permanent\"");
        double smsAccepted = Metrics.sum("switchboard_provider_calls_total", "channel=\"SMS\"", "result=\"accepted\"");
        double smsFallbacks = Metrics.sum("switchboard_fallbacks_total", "channel=\"SMS\"");
        double smsDelivered = Metrics.sum("switchboard_recipients_total", "channel=\"SMS\"", "status=\"Delivered\"");
        double smsTimed = Metrics.sum("switchboard_time_to_deliver_seconds_count", "channel=\"SMS\"");

        String number = uniqueNumber();
        wireMock()
                .stubFor(post(urlPathMatching(MESSAGES))
                        .atPriority(1)
                        .withRequestBody(matchingJsonPath("$.to", equalTo(number)))
                        .willReturn(graphError(400, 131026, 0, "OAuthException", "Message undeliverable")));
        String customer = stakeholder("Customer", """
                {"WhatsApp":{"number":"%s"},"SMS":{"number":"%s"}}""".formatted(number, number));
        String id = Tracking.send("""
                {"message":{"templateId":"metrics-reminder","variables":{"name":"Ana"}},
                 "stakeholderIds":["%s"],"fallback":["SMS"]}""".formatted(customer));
        awaitEntry(id, 1, "Delivered");

        await().atMost(Duration.ofSeconds(5))
                .alias("the SMS delivery is timed")
                .untilAsserted(() -> assertTrue(
                        Metrics.sum("switchboard_time_to_deliver_seconds_count", "channel=\"SMS\"") >= smsTimed + 1,
                        "an SMS time to deliver was recorded"));
        assertTrue(
                Metrics.sum("switchboard_provider_calls_total", "channel=\"WhatsApp\"", "result=\"permanent\"")
                        >= whatsappRefused + 1,
                "the WhatsApp refusal is counted");
        assertTrue(
                Metrics.sum("switchboard_fallbacks_total", "channel=\"SMS\"") >= smsFallbacks + 1,
                "the fallback to SMS is counted");
        assertTrue(
                Metrics.sum("switchboard_provider_calls_total", "channel=\"SMS\"", "result=\"accepted\"")
                        >= smsAccepted + 1,
                "the SMS SNS accepted is counted");
        assertTrue(
                Metrics.sum("switchboard_recipients_total", "channel=\"SMS\"", "status=\"Delivered\"")
                        >= smsDelivered + 1,
                "the SMS recipient reaching Delivered is counted");
    }
}
