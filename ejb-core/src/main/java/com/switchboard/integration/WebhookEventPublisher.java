package com.switchboard.integration;

import com.switchboard.channel.Channel;
import com.switchboard.communication.DynamoCommunicationStore;
import com.switchboard.communication.RecipientStatus;
import com.switchboard.communication.RecipientStatusChanged;
import com.switchboard.conversation.ConversationThread;
import com.switchboard.conversation.InboundReceived;
import com.switchboard.conversation.ThreadMessage;
import com.switchboard.preference.Suppression;
import com.switchboard.tracking.RecipientRead;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Turns recipient status changes, reads and customers' messages into webhook events for the subscriptions that want
 * them and queues one delivery per subscription. Runs on the thread that wrote the status, so it
 * only builds the body and queues: the HTTP work happens on {@link WebhookConsumer}'s threads.
 */
@ApplicationScoped
public class WebhookEventPublisher {
    private static final Logger LOG = Logger.getLogger(WebhookEventPublisher.class.getName());
    private static final Jsonb JSONB = JsonbBuilder.create();

    @Inject
    ActiveWebhookSubscriptions subscriptions;

    @Inject
    DynamoCommunicationStore communications;

    @Inject
    JmsWebhookQueue queue;

    @Inject
    Clock clock;

    void statusChanged(@Observes RecipientStatusChanged e) {
        WebhookEventType type = typeOf(e.status(), e.reason());
        if (type != null) {
            publish(
                    type,
                    e.communicationId(),
                    e.index(),
                    e.channel(),
                    e.status().name(),
                    e.reason(),
                    e.at());
        }
    }

    void read(@Observes RecipientRead e) {
        publish(WebhookEventType.READ, e.communicationId(), e.index(), e.channel(), null, null, e.at());
    }

    void inbound(@Observes InboundReceived e) {
        try {
            List<WebhookSubscription> wanting = subscriptions.wanting(WebhookEventType.INBOUND);
            if (wanting.isEmpty()) {
                return;
            }
            ThreadMessage m = e.message();
            ConversationThread t = e.thread();
            queue(
                    WebhookEventType.INBOUND,
                    wanting,
                    JSONB.toJson(new InboundWebhookEvent(
                            WebhookEventType.INBOUND.wireName(),
                            m.at(),
                            new InboundWebhookEvent.Data(
                                    t.id(),
                                    t.channel(),
                                    t.number(),
                                    t.stakeholderId(),
                                    m.id(),
                                    m.text(),
                                    m.media(),
                                    m.inReplyTo()))));
        } catch (RuntimeException ex) {
            // the message is stored and listed; only the notification about it is lost, and logged
            LOG.log(Level.WARNING, "webhook event inbound on " + e.thread().channel() + " could not be queued", ex);
        }
    }

    static WebhookEventType typeOf(RecipientStatus status, String reason) {
        switch (status) {
            case Sent:
                return WebhookEventType.SENT;
            case Delivered:
                return WebhookEventType.DELIVERED;
            case Failed:
                return Suppression.OPTED_OUT.equals(reason) ? WebhookEventType.OPTED_OUT : WebhookEventType.FAILED;
            default:
                return null;
        }
    }

    private void publish(
            WebhookEventType type,
            String communicationId,
            int index,
            Channel channel,
            String status,
            String reason,
            String at) {
        try {
            List<WebhookSubscription> wanting = subscriptions.wanting(type);
            if (wanting.isEmpty()) {
                return;
            }
            String correlationId = communications
                    .details(communicationId)
                    .map(DynamoCommunicationStore.Details::correlationId)
                    .orElse(null);
            queue(
                    type,
                    wanting,
                    JSONB.toJson(new WebhookEvent(
                            type.wireName(),
                            at,
                            new WebhookEvent.Data(
                                    communicationId, index, channel.name(), status, reason, correlationId))));
        } catch (RuntimeException e) {
            // the status is written and the caller's work (a delivery, a receipt) must not be undone
            // or repeated for a notification; the loss is logged with what it was about
            LOG.log(
                    Level.WARNING,
                    "webhook event " + type.wireName() + " for recipient " + index + " of " + communicationId
                            + " could not be queued",
                    e);
        }
    }

    /** One delivery of {@code body} per subscription, all with the same webhook id. */
    private void queue(WebhookEventType type, List<WebhookSubscription> wanting, String body) {
        String webhookId = "msg_" + UUID.randomUUID().toString().replace("-", "");
        long now = clock.millis();
        queue.publish(wanting.stream()
                .map(w -> new WebhookMessage(w.id(), webhookId, type.wireName(), body, now, 1))
                .toList());
    }
}
