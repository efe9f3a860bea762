package com.switchboard.delivery;

import com.switchboard.audit.Audited;
import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelProvider;
import com.switchboard.channel.ChannelProviders;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.DeliveryException;
import com.switchboard.channel.ProviderHealth;
import com.switchboard.channel.TransientDeliveryException;
import com.switchboard.error.FieldError;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.preference.AddressValidator;
import com.switchboard.template.RenderedMessage;
import com.switchboard.template.TemplateRenderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.exceptions.FaultToleranceException;

/**
 * Sends one test message on one channel, straight through its provider (with the provider's
 * retries and circuit), and reports the provider's own answer. Nothing is stored: a test send is
 * an operator's probe, not a communication.
 */
@ApplicationScoped
public class ChannelTester {
    private static final int MAX_SUBJECT = 998;
    private static final int MAX_CONTENT = 100_000;

    @Inject
    ChannelProviders providers;

    @Inject
    AddressValidator addresses;

    @Inject
    ProviderHealth health;

    @Inject
    TemplateRenderer renderer;

    /** The body of {@code POST /communications/test}. */
    public record TestRequest(String channel, String address, String subject, String content) {}

    /** The provider's answer: its message id, or the error it gave and whether retrying could help. */
    public record TestResult(
            String channel,
            String provider,
            boolean accepted,
            String providerMessageId,
            String error,
            Boolean transientError) {}

    @Audited("channel.test-send")
    public TestResult test(TestRequest request) {
        if (request == null) {
            throw InvalidRequestException.invalid("body", "a test request is required");
        }
        List<FieldError> errors = new ArrayList<>();
        Optional<Channel> channel = Channel.parse(request.channel());
        if (channel.isEmpty()) {
            errors.add(new FieldError("channel", "one of Email, SMS, WhatsApp, InApp"));
        } else {
            addresses
                    .problem(channel.get(), request.address())
                    .ifPresent(p -> errors.add(new FieldError("address", p)));
        }
        // as for a send: a subject is one mail header line, so CR or LF could only add headers
        if (request.subject() != null
                && (request.subject().contains("\r")
                        || request.subject().contains("\n")
                        || request.subject().length() > MAX_SUBJECT)) {
            errors.add(new FieldError("subject", "a subject is one line of at most " + MAX_SUBJECT + " characters"));
        }
        if (request.content() != null && request.content().length() > MAX_CONTENT) {
            errors.add(new FieldError("content", "at most " + MAX_CONTENT + " characters"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.INVALID_VALUE, errors);
        }
        ChannelProvider provider = providers
                .forChannel(channel.get())
                .filter(ChannelProvider::configured)
                .orElseThrow(() -> InvalidRequestException.unprocessable(
                        "channel", channel.get() + " has no configured provider"));
        String content = request.content() == null || request.content().isBlank()
                ? "Switchboard test message"
                : request.content();
        RenderedMessage message =
                renderer.literal(request.subject() == null ? "Switchboard test" : request.subject(), content);
        Delivery delivery = new Delivery(
                "test-" + UUID.randomUUID(), 0, channel.get(), request.address().trim(), message, null);
        try {
            String id = provider.send(delivery);
            health.succeeded(channel.get());
            return new TestResult(channel.get().name(), provider.name(), true, id, null, null);
        } catch (DeliveryException e) {
            health.failed(channel.get(), e.reason());
            return new TestResult(
                    channel.get().name(),
                    provider.name(),
                    false,
                    null,
                    e.reason(),
                    e instanceof TransientDeliveryException);
        } catch (FaultToleranceException e) {
            return new TestResult(
                    channel.get().name(),
                    provider.name(),
                    false,
                    null,
                    provider.name() + " unavailable: " + e.getClass().getSimpleName(),
                    true);
        }
    }
}
