package com.switchboard.admin.integration;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.integration.WebhookAttempt;
import com.switchboard.integration.WebhookEventType;
import com.switchboard.integration.WebhookRequest;
import com.switchboard.integration.WebhookService;
import com.switchboard.integration.WebhookSubscription;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Backing bean of the Webhooks page (admins): subscribe an endpoint to delivery events (its signing
 * secret shown once), disable, enable or delete a subscription, and read one's recent delivery
 * attempts. Each change is audited by {@link WebhookService}.
 */
@Named("webhooksView")
@ViewScoped
public class WebhooksView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS =
            Map.of("url", "subscribe:url", "eventTypes", "subscribe:types", "description", "subscribe:description");

    @Inject
    transient WebhookService webhooks;

    private String url;
    private List<String> types = new ArrayList<>(List.of("sent", "delivered", "failed"));
    private String description;
    private WebhookSubscription.View created;
    private String shownAttemptsOf;
    private transient List<WebhookSubscription.View> subscriptions;

    public List<WebhookSubscription.View> getSubscriptions() {
        if (subscriptions == null) {
            subscriptions = webhooks.list();
        }
        return subscriptions;
    }

    public List<String> getEventTypes() {
        return Arrays.stream(WebhookEventType.values())
                .map(WebhookEventType::wireName)
                .toList();
    }

    public String subscribe() {
        try {
            created = webhooks.create(new WebhookRequest(url, types, description), FieldMessages.user());
            url = null;
            description = null;
            subscriptions = null;
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, f -> FIELDS.getOrDefault(f, "subscribe:url"));
        }
        return null;
    }

    public String disable(String id) {
        return change(() -> webhooks.disable(id), "Subscription disabled: nothing is sent to it until it is enabled.");
    }

    public String enable(String id) {
        return change(() -> webhooks.enable(id), "Subscription enabled.");
    }

    public String delete(String id) {
        return change(
                () -> {
                    webhooks.delete(id);
                    return null;
                },
                "Subscription deleted.");
    }

    /** The event types a subscription gets, as a list for people. */
    public String events(WebhookSubscription.View w) {
        return w.eventTypes() == null ? "" : String.join(", ", w.eventTypes());
    }

    public String attempts(String id) {
        shownAttemptsOf = id;
        return null;
    }

    public List<WebhookAttempt> getAttempts() {
        return shownAttemptsOf == null ? List.of() : webhooks.deliveries(shownAttemptsOf);
    }

    public String getShownAttemptsOf() {
        return shownAttemptsOf;
    }

    private String change(java.util.function.Supplier<Object> action, String done) {
        try {
            action.get();
            FieldMessages.page(FacesMessage.SEVERITY_INFO, done);
        } catch (NotFoundException e) {
            FieldMessages.page(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        created = null;
        subscriptions = null;
        return null;
    }

    public String getUrl() {
        return url;
    }

    public void setUrl(String url) {
        this.url = url;
    }

    public List<String> getTypes() {
        return types;
    }

    public void setTypes(List<String> types) {
        this.types = types;
    }

    public String getDescription() {
        return description;
    }

    public void setDescription(String description) {
        this.description = description;
    }

    /** The subscription just made, with its secret: shown once. */
    public WebhookSubscription.View getCreated() {
        return created;
    }
}
