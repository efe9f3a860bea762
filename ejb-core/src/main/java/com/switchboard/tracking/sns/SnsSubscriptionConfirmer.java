package com.switchboard.tracking.sns;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Logger;

/**
 * Answers a verified SubscriptionConfirmation for an allow-listed topic by GETting its
 * SubscribeURL (HTTPS on the region's SNS host only), so SNS starts delivering to the webhook.
 */
@ApplicationScoped
public class SnsSubscriptionConfirmer {
    private static final Logger LOG = Logger.getLogger(SnsSubscriptionConfirmer.class.getName());
    private static final Duration TIMEOUT = Duration.ofSeconds(10);
    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    SnsMessageVerifier verifier;

    /** @throws SnsVerificationException when SNS did not accept the confirmation */
    public void confirm(SnsMessage confirmation) {
        var url = verifier.subscribeUrl(confirmation);
        try {
            HttpResponse<Void> r = http.send(
                    HttpRequest.newBuilder(url).timeout(TIMEOUT).GET().build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() / 100 != 2) {
                throw new IllegalStateException(
                        "SNS answered " + r.statusCode() + " confirming " + confirmation.topicArn());
            }
            LOG.info(() -> "confirmed SNS subscription to " + confirmation.topicArn());
        } catch (IOException e) {
            throw new IllegalStateException("cannot confirm SNS subscription to " + confirmation.topicArn(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted confirming " + confirmation.topicArn(), e);
        }
    }
}
