package com.switchboard.analytics;

import static com.switchboard.store.Items.str;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ProviderResult;
import com.switchboard.communication.RecipientStatus;
import com.switchboard.communication.RecipientStatusChanged;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Tag;
import org.eclipse.microprofile.metrics.annotation.RegistryScope;

/**
 * The pipeline's MicroProfile Metrics (application scope, at {@code /metrics?scope=application}):
 * provider calls by channel and result, retries, fallbacks, recipients reaching each status, and
 * time to deliver per channel. The DynamoDB counters of {@link AnalyticsRecorder} answer business
 * questions over days; these are for an operator's monitoring of one server, live and cheap.
 */
@ApplicationScoped
public class PipelineMetrics {
    static final String PROVIDER_CALLS = "switchboard.provider.calls";
    static final String RETRIES = "switchboard.retries";
    static final String FALLBACKS = "switchboard.fallbacks";
    static final String RECIPIENTS = "switchboard.recipients";
    static final String TIME_TO_DELIVER = "switchboard.time.to.deliver";

    @Inject
    @RegistryScope(scope = MetricRegistry.APPLICATION_SCOPE)
    MetricRegistry registry;

    /** A provider answered (accepted, refused for good, or failed for now). */
    public void providerCalled(Channel channel, ProviderResult result) {
        String outcome = result instanceof ProviderResult.Accepted
                ? "accepted"
                : result instanceof ProviderResult.Permanent
                        ? "permanent"
                        : result instanceof ProviderResult.CircuitOpen ? "circuit-open" : "transient";
        registry.counter(PROVIDER_CALLS, channel(channel), new Tag("result", outcome))
                .inc();
    }

    /** A ticket was queued again after a transient failure. */
    public void retried(Channel channel) {
        registry.counter(RETRIES, channel(channel)).inc();
    }

    /** A fallback attempt was added on {@code channel}. */
    public void fellBackTo(Channel channel) {
        registry.counter(FALLBACKS, channel(channel)).inc();
    }

    void statusChanged(@Observes RecipientStatusChanged change) {
        registry.counter(
                        RECIPIENTS,
                        channel(change.channel()),
                        new Tag("status", change.status().name()))
                .inc();
        if (change.status() == RecipientStatus.Delivered) {
            timeToDeliver(change)
                    .ifPresent(d -> registry.timer(TIME_TO_DELIVER, channel(change.channel()))
                            .update(d));
        }
    }

    private static java.util.Optional<Duration> timeToDeliver(RecipientStatusChanged change) {
        String sentAt = str(change.item(), "sentAt");
        if (sentAt == null || change.at() == null) {
            return java.util.Optional.empty();
        }
        try {
            Duration d = Duration.between(Instant.parse(sentAt), Instant.parse(change.at()));
            return d.isNegative() ? java.util.Optional.empty() : java.util.Optional.of(d);
        } catch (DateTimeParseException e) {
            return java.util.Optional.empty();
        }
    }

    private static Tag channel(Channel channel) {
        return new Tag("channel", channel.name());
    }
}
