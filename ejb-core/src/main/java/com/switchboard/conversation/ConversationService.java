package com.switchboard.conversation;

import com.switchboard.channel.Channel;
import com.switchboard.communication.ReadScope;
import com.switchboard.communication.SendRequest;
import com.switchboard.communication.send.SendAccepted;
import com.switchboard.communication.send.SendService;
import com.switchboard.conversation.DynamoConversationStore.MessagePage;
import com.switchboard.conversation.DynamoConversationStore.ThreadPage;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.preference.DynamoPreferenceStore;
import com.switchboard.preference.DynamoStakeholderProfileStore;
import com.switchboard.preference.Preferences;
import com.switchboard.preference.StakeholderProfile;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Two-way conversations on SMS and WhatsApp. A customer's message lands in the thread of its
 * channel and number, named for the stakeholder whose preferences give that number, linked to our
 * last message to it (the communication it most likely answers), unread until a CSR reads it; it
 * fires {@link InboundReceived} (webhook subscribers, live console pages). A CSR's reply is a
 * normal tracked communication to that number; on WhatsApp free text may only go while the
 * customer's 24-hour window is open, which the answer and the thread say until when.
 */
@ApplicationScoped
public class ConversationService {
    /** WhatsApp's customer-service window: free-form messages only within 24 hours of the customer's last. */
    public static final Duration WHATSAPP_WINDOW = Duration.ofHours(24);

    public static final int MAX_REPLY_CHARS = 1600;
    /** The correlation id of a CSR's reply: {@code conversation:<thread id>}. */
    public static final String REPLY_CORRELATION = "conversation:";

    public static final int MAX_PAGE = 100;

    @Inject
    DynamoConversationStore store;

    @Inject
    DynamoPreferenceStore preferences;

    @Inject
    DynamoStakeholderProfileStore profiles;

    @Inject
    SendService sends;

    @Inject
    Event<InboundReceived> received;

    @Inject
    ConversationSignals signals;

    @Inject
    Clock clock;

    /** How far back our last message to a number is taken as what a customer's message answers. */
    @Inject
    @ConfigProperty(name = "conversation.reply.link.days", defaultValue = "30")
    long linkDays;

    /** A CSR's reply accepted: the communication carrying it and, on WhatsApp, when free text stops. */
    public record ReplyAccepted(String communicationId, String threadId, String windowClosesAt) {}

    /**
     * Records a customer's message in its thread; false when it was recorded before (a provider's
     * retry or a replayed notification), which then changes nothing.
     */
    public boolean receive(InboundMessage m) {
        String threadId = ThreadIds.of(m.channel(), m.from());
        // the provider's time is the wall clock's, ours the business clock's (movable in the local profile)
        Instant earlier = m.at().isBefore(Instant.now(clock)) ? m.at() : Instant.now(clock);
        Optional<ThreadMessage> answered = store.lastSent(threadId, earlier.minus(Duration.ofDays(linkDays)));
        ThreadMessage message = new ThreadMessage(
                m.providerId(),
                ThreadMessage.IN,
                m.at().toString(),
                m.text(),
                m.media(),
                null,
                null,
                m.providerId(),
                answered.map(ThreadMessage::communicationId).orElse(null),
                null);
        String windowClosesAt =
                m.channel() == Channel.WhatsApp ? m.at().plus(WHATSAPP_WINDOW).toString() : null;
        Optional<ConversationThread> thread = store.recordInbound(
                threadId,
                message,
                m.at(),
                orderedAt(m.at(), Instant.now(clock)),
                who(m.channel(), m.from()),
                windowClosesAt);
        thread.ifPresent(t -> received.fire(new InboundReceived(t, message)));
        return thread.isPresent();
    }

    /**
     * Where a customer's message sits among ours. Meta's time is in whole seconds: the message was
     * written within the second after it and before it reached us, so it goes at the earlier of the
     * two, after a message of ours sent within that second before it arrived.
     */
    static Instant orderedAt(Instant providerAt, Instant received) {
        Instant lastPossible = providerAt.plusMillis(999);
        return received.isBefore(providerAt) || received.isAfter(lastPossible) ? lastPossible : received;
    }

    public ThreadPage threads(boolean unreadOnly, String next, Integer limit) {
        return store.threads(unreadOnly, next, limit(limit));
    }

    public int unreadThreads(int max) {
        return store.unreadThreads(max);
    }

    /** A thread: its summary and its latest messages (older ones through {@code before}). */
    public record ThreadView(ConversationThread thread, List<ThreadMessage> messages, String before) {}

    public ThreadView thread(String threadId, String before, Integer limit) {
        ThreadIds.ThreadKey key = ThreadIds.parse(threadId);
        MessagePage page = store.messages(threadId, before, limit(limit));
        ConversationThread summary = store.thread(threadId).orElseGet(() -> {
            if (page.items().isEmpty()) {
                throw new NotFoundException("conversation", threadId);
            }
            return who(key.channel(), key.number()); // only our messages so far
        });
        return new ThreadView(summary, page.items(), page.before());
    }

    public void markRead(String threadId) {
        ThreadIds.parse(threadId);
        if (!store.markRead(threadId)) {
            throw new NotFoundException("conversation", threadId);
        }
    }

    /**
     * The media a customer's message in this thread carried (its provider media id, type, name), to
     * download from the provider; not found when the thread has no such message or it carried none.
     */
    public ThreadMessage.Media media(String threadId, String messageId) {
        ThreadIds.ThreadKey key = ThreadIds.parse(threadId);
        return store.inbound(threadId, key.channel().name(), messageId)
                .map(ThreadMessage::media)
                .filter(m -> m.mediaId() != null)
                .orElseThrow(() -> new NotFoundException("media of message", messageId));
    }

    /** Whether a communication is a CSR's reply, which is in its thread from the moment it was accepted. */
    public static boolean isReply(String correlationId) {
        return correlationId != null && correlationId.startsWith(REPLY_CORRELATION);
    }

    /** The customers' replies a communication received. */
    public List<ThreadMessage> replies(String communicationId) {
        return store.replies(communicationId, MAX_PAGE);
    }

    /**
     * Sends a CSR's free text to the thread's number as a normal communication (tracked, with its
     * receipts, webhooks and fallbacks); refused on WhatsApp once the customer's window has closed.
     */
    public ReplyAccepted reply(String threadId, String text, String idempotencyKey, String caller) {
        ThreadIds.ThreadKey key = ThreadIds.parse(threadId);
        ConversationThread thread =
                store.thread(threadId).orElseThrow(() -> new NotFoundException("conversation", threadId));
        if (text == null || text.isBlank()) {
            throw InvalidRequestException.invalid("text", "the reply's text is required");
        }
        if (text.length() > MAX_REPLY_CHARS) {
            throw InvalidRequestException.invalid("text", "at most " + MAX_REPLY_CHARS + " characters");
        }
        Instant now = Instant.now(clock);
        String closes = null;
        if (key.channel() == Channel.WhatsApp) {
            Instant windowEnd = thread.lastInboundAt() == null
                    ? Instant.EPOCH
                    : Instant.parse(thread.lastInboundAt()).plus(WHATSAPP_WINDOW);
            if (!now.isBefore(windowEnd)) {
                throw InvalidRequestException.unprocessable(
                        "text",
                        "the customer's 24-hour WhatsApp window closed at " + windowEnd
                                + "; only an approved template can reach them now (POST /communications/send with a templateId)");
            }
            closes = windowEnd.toString();
        }
        SendAccepted accepted = sends.send(
                new SendRequest(
                        null,
                        null,
                        null,
                        null,
                        new SendRequest.Message(null, text, null, null, null),
                        // the address, not the stakeholder: a reply answers now, never waits for a digest
                        List.of(new SendRequest.Recipient(key.channel().name(), key.number(), null, null)),
                        null,
                        null,
                        null,
                        null,
                        null,
                        null,
                        REPLY_CORRELATION + threadId,
                        null),
                idempotencyKey,
                caller,
                ReadScope.ownedBy(caller)); // a reply attaches nothing
        // in the thread at once (the pipeline leaves replies to us), so the CSR sees what they sent
        store.recordSent(List.of(new DynamoConversationStore.Sent(
                threadId, accepted.communicationId() + "-0", accepted.communicationId(), 0, null, now, text)));
        store.replied(threadId, text, now);
        signals.changed(threadId);
        return new ReplyAccepted(accepted.communicationId(), threadId, closes);
    }

    /** Who a number belongs to: the stakeholder whose preferences give it on that channel, if any. */
    private ConversationThread who(Channel channel, String number) {
        Optional<Preferences> owner = preferences.findByNumber(channel.name(), number);
        String name = owner.flatMap(p -> profiles.find(p.stakeholderId()))
                .map(StakeholderProfile::displayName)
                .orElse(null);
        return new ConversationThread(
                ThreadIds.of(channel, number),
                channel.name(),
                number,
                owner.map(Preferences::stakeholderId).orElse(null),
                owner.map(Preferences::stakeholderType).orElse(null),
                name,
                0,
                null,
                null,
                null,
                null,
                null);
    }

    private static int limit(Integer limit) {
        if (limit == null) {
            return 25;
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw InvalidRequestException.invalid("limit", "between 1 and " + MAX_PAGE);
        }
        return limit;
    }
}
