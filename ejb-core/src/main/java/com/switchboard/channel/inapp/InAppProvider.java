package com.switchboard.channel.inapp;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelProvider;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.DeliveryException;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.TransientDeliveryException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * In-app delivery: the recipient's address is their user id; the note goes into their DynamoDB
 * inbox (once per delivery id) and is pushed to their open sockets. The note id is the provider
 * message id. Needs nothing external, so it is always configured; the recipient becomes
 * {@code Delivered} when their client acknowledges (see {@link InboxService}).
 */
@ApplicationScoped
public class InAppProvider implements ChannelProvider {

    @Inject
    DynamoInboxStore inbox;

    @Inject
    NotificationPush push;

    @Inject
    Clock clock;

    @Override
    public Channel channel() {
        return Channel.InApp;
    }

    @Override
    public String name() {
        return "websocket";
    }

    @Override
    public boolean configured() {
        return true;
    }

    @Override
    @Retry(maxRetries = 2, delay = 200, jitter = 100, retryOn = TransientDeliveryException.class,
            abortOn = PermanentDeliveryException.class)
    public String send(Delivery delivery) {
        if (delivery.address() == null || delivery.address().isBlank()) {
            throw new PermanentDeliveryException("no user id to deliver in-app to", null);
        }
        try {
            InboxNote note = inbox.insert(delivery.address(), delivery.communicationId(), delivery.recipientIndex(),
                    delivery.message().subject(), delivery.message().text(), Instant.now(clock));
            push.push(note);
            return note.id();
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    @Override
    public boolean receiptsNameTheRecipient() {
        return true; // a note carries its communication and recipient; its read moves the recipient
    }

    /** The inbox table or the messaging engine being unreachable passes; nothing else here is final either. */
    @Override
    public DeliveryException classify(Exception failure) {
        if (failure instanceof DeliveryException known) {
            return known;
        }
        return new TransientDeliveryException("in-app inbox or push failed: " + failure, failure);
    }
}
