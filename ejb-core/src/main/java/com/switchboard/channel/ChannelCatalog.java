package com.switchboard.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

/** The four channels with their provider, whether each can take messages now, and why not. */
@ApplicationScoped
public class ChannelCatalog {
    private static final Duration DEFAULT_BREAKER_DELAY = Duration.ofSeconds(5);

    @Inject
    ChannelProviders providers;

    @Inject
    ProviderHealth health;

    @Inject
    Config config;

    @Inject
    DailyBudget.Source budgets;

    /** Every channel's state, read from memory (the readiness check asks on each probe). */
    public List<ChannelStatus> channels() {
        return Arrays.stream(Channel.values()).map(this::status).toList();
    }

    /** Every channel's state with its daily budget (a DynamoDB read per budgeted channel), for operators. */
    public List<ChannelStatus> overview() {
        return channels().stream()
                .map(c -> c.withBudget(budgets.today(c.channel()).orElse(null)))
                .toList();
    }

    public ChannelStatus status(Channel channel) {
        return providers
                .forChannel(channel)
                .map(p -> {
                    if (!p.configured()) {
                        return new ChannelStatus(
                                channel,
                                p.name(),
                                false,
                                false,
                                "NOT_CONFIGURED",
                                null,
                                null,
                                null,
                                "provider configuration is missing");
                    }
                    ProviderHealth.Observed o = health.state(channel, breakerDelay(p));
                    String state = switch (o.circuit()) {
                        case closed -> "UP";
                        case open -> "DOWN";
                        case half_open -> "RECOVERING";
                    };
                    return new ChannelStatus(
                            channel,
                            p.name(),
                            true,
                            true,
                            state,
                            o.circuit().label(),
                            o.recentError(),
                            o.errorAt() == null ? null : o.errorAt().toString(),
                            o.lastSuccessAt() == null
                                    ? "no successful send yet"
                                    : "last send accepted at " + o.lastSuccessAt());
                })
                .orElseGet(() -> new ChannelStatus(
                        channel,
                        null,
                        false,
                        false,
                        "NOT_AVAILABLE",
                        null,
                        null,
                        null,
                        "no provider is installed for this channel yet"));
    }

    /** The provider's breaker delay: MicroProfile Config override first, then its annotation. */
    public Duration breakerDelay(ChannelProvider provider) {
        for (Class<?> c = provider.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
            try {
                Method send = c.getDeclaredMethod("send", Delivery.class);
                CircuitBreaker breaker = send.getAnnotation(CircuitBreaker.class);
                if (breaker != null) {
                    String key = c.getName() + "/send/CircuitBreaker/delay";
                    long delay = config.getOptionalValue(key, Long.class).orElse(breaker.delay());
                    return Duration.of(delay, breaker.delayUnit());
                }
            } catch (NoSuchMethodException notHere) {
                // a CDI proxy subclass: look at the class it proxies
            }
        }
        return DEFAULT_BREAKER_DELAY;
    }
}
