package com.switchboard.channel.inapp;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelProvider;
import com.switchboard.channel.Delivery;
import com.switchboard.channel.DeliveryException;
import com.switchboard.channel.PermanentDeliveryException;
import com.switchboard.channel.ProviderPolicy;
import com.switchboard.channel.TransientDeliveryException;
import com.switchboard.channel.inapp.DynamoInboxStore.NewNote;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Logger;
import org.eclipse.microprofile.faulttolerance.Retry;

/**
 * In-app delivery: the recipient's address is their user id; the note goes into their DynamoDB
 * inbox and is pushed to their open sockets. The note id is the provider message id. A chunk's
 * notes are written together in {@link #prepare} (one BatchWriteItem, one topic message), and its
 * sends then answer each note's id; a note {@code prepare} could not write is written by its own
 * send. Needs nothing external, so it is always configured; the recipient becomes
 * {@code Delivered} when their client acknowledges (see {@link InboxService}).
 */
@ApplicationScoped
public class InAppProvider implements ChannelProvider {
    private static final Logger LOG = Logger.getLogger(InAppProvider.class.getName());

    /** The notes the calling thread's last {@link #prepare} wrote, by delivery id: its sends follow on the same thread. */
    private static final ThreadLocal<Map<String, String>> WRITTEN = ThreadLocal.withInitial(HashMap::new);

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

    /** Writes the notes of the chunk's deliveries at once and pushes them in one message. */
    @Override
    public void prepare(List<Delivery> deliveries) {
        Map<String, String> written = WRITTEN.get();
        written.clear();
        List<Delivery> addressed = deliveries.stream()
                .filter(d -> d.address() != null && !d.address().isBlank())
                .toList();
        if (addressed.isEmpty()) {
            return;
        }
        List<InboxNote> notes =
                inbox.insertAll(addressed.stream().map(this::note).toList());
        for (int i = 0; i < notes.size(); i++) { // written in the order given
            written.put(addressed.get(i).deliveryId(), notes.get(i).id());
        }
        pushed(notes);
    }

    @Override
    @Retry(
            maxRetries = ProviderPolicy.LOCAL_RETRIES,
            delay = ProviderPolicy.LOCAL_RETRY_DELAY_MS,
            jitter = ProviderPolicy.LOCAL_RETRY_JITTER_MS,
            retryOn = TransientDeliveryException.class,
            abortOn = PermanentDeliveryException.class)
    public String send(Delivery delivery) {
        if (delivery.address() == null || delivery.address().isBlank()) {
            throw new PermanentDeliveryException("no user id to deliver in-app to", null);
        }
        String prepared = WRITTEN.get().remove(delivery.deliveryId());
        if (prepared != null) {
            return prepared;
        }
        try {
            InboxNote note = inbox.insert(note(delivery));
            pushed(List.of(note));
            return note.id();
        } catch (RuntimeException e) {
            throw classify(e);
        }
    }

    private NewNote note(Delivery d) {
        return new NewNote(
                d.address(),
                d.communicationId(),
                d.recipientIndex(),
                d.message().subject(),
                d.message().text(),
                d.queuedAt() != null ? d.queuedAt() : Instant.now(clock),
                d.attachments());
    }

    /** The inbox is the record: a push that fails loses nothing, the client gets the note on its next connect. */
    private void pushed(List<InboxNote> notes) {
        try {
            push.push(notes);
        } catch (RuntimeException e) {
            LOG.warning(() -> notes.size() + " in-app notes written but not pushed: " + e.getMessage());
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
