package com.switchboard.integration;

import com.switchboard.audit.Audited;
import com.switchboard.error.FieldError;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;

/**
 * Managing webhook subscriptions (the admin API): create with a generated secret shown once, list,
 * read, delete, enable again after automatic disabling, and read the recent delivery attempts.
 */
@ApplicationScoped
public class WebhookService {
    private static final Logger LOG = Logger.getLogger(WebhookService.class.getName());
    private static final int MAX_DESCRIPTION = 200;
    private static final int ATTEMPTS_SHOWN = 100;

    @Inject
    DynamoWebhookStore store;

    @Inject
    WebhookUrlPolicy urls;

    @Inject
    ActiveWebhookSubscriptions active;

    @Inject
    Clock clock;

    /** Stores a new subscription; the answer is the only one that carries its secret. */
    @Audited("webhook.subscribe")
    public WebhookSubscription.View create(WebhookRequest request, String caller) {
        if (request == null) {
            throw InvalidRequestException.invalid("body", "a request body is required");
        }
        String url = urls.check(request.url());
        Set<WebhookEventType> types = eventTypes(request.eventTypes());
        if (request.description() != null && request.description().length() > MAX_DESCRIPTION) {
            throw InvalidRequestException.invalid("description", "at most " + MAX_DESCRIPTION + " characters");
        }
        WebhookSubscription w = new WebhookSubscription(
                UUID.randomUUID().toString(),
                url,
                WebhookSecrets.generate(),
                types,
                request.description(),
                WebhookSubscription.State.enabled,
                0,
                Instant.now(clock).toString(),
                caller,
                null,
                null);
        store.create(w);
        active.forget();
        LOG.info(() -> "webhook subscription " + w.id() + " to host "
                + URI.create(w.url()).getHost() + " for " + types + " created by " + caller);
        return w.view(true);
    }

    public List<WebhookSubscription.View> list() {
        return store.all().stream().map(w -> w.view(false)).toList();
    }

    public WebhookSubscription.View get(String id) {
        return find(id).view(false);
    }

    @Audited("webhook.delete")
    public void delete(String id) {
        if (!store.delete(id)) {
            throw new NotFoundException("webhook subscription", id);
        }
        active.forget();
    }

    /** Stops deliveries to a subscription until it is enabled again (an administrator's decision; failures disable it too). */
    @Audited("webhook.disable")
    public WebhookSubscription.View disable(String id) {
        find(id);
        store.disable(id, "disabled by an administrator", Instant.now(clock).toString());
        active.forget();
        return get(id);
    }

    /** Enables a subscription that was disabled after failures (the subscriber is fixed). */
    @Audited("webhook.enable")
    public WebhookSubscription.View enable(String id) {
        find(id);
        store.enable(id);
        active.forget();
        return get(id);
    }

    public List<WebhookAttempt> deliveries(String id) {
        find(id);
        return store.attempts(id, ATTEMPTS_SHOWN);
    }

    private WebhookSubscription find(String id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("webhook subscription", id));
    }

    private static Set<WebhookEventType> eventTypes(List<String> names) {
        if (names == null || names.isEmpty()) {
            throw InvalidRequestException.invalid(
                    "eventTypes", "at least one of sent, delivered, failed, read, opted-out, inbound");
        }
        Set<WebhookEventType> types = EnumSet.noneOf(WebhookEventType.class);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            int at = i;
            WebhookEventType.parse(names.get(i))
                    .ifPresentOrElse(
                            types::add,
                            () -> errors.add(new FieldError(
                                    "eventTypes[" + at + "]",
                                    "unknown event type '" + names.get(at)
                                            + "'; one of sent, delivered, failed, read, opted-out, inbound")));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.INVALID_VALUE, errors);
        }
        return types;
    }
}
