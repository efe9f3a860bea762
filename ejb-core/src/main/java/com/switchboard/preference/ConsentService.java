package com.switchboard.preference;

import com.switchboard.audit.Audited;
import com.switchboard.channel.Channel;
import com.switchboard.error.ConflictException;
import com.switchboard.error.FieldError;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.store.OpaqueCursor;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;

/**
 * Consent as staff and customers manage it: a stop reply opts a number out, a start reply lifts
 * that opt-out (never a bounce or complaint, which only an admin lifts), staff look an address up
 * with its history, and an admin lifts a suppression with a reason, confirming it when it is a
 * hard bounce or complaint (sending there again can hurt the sender's reputation).
 */
@ApplicationScoped
public class ConsentService {
    private static final Logger LOG = Logger.getLogger(ConsentService.class.getName());

    @Inject
    DynamoSuppressionStore store;

    @Inject
    ConsentKeywords keywords;

    @Inject
    UnsubscribeTokens tokens;

    @Inject
    Clock clock;

    /** An address's consent: whether it is suppressed now, how and why, and what happened before. */
    public record SuppressionView(
            String channel,
            String address,
            boolean suppressed,
            String kind,
            String reason,
            String since,
            List<SuppressionEvent> history) {}

    /** A page of a channel's suppressions, newest first; {@code next} continues it. */
    public record SuppressionPage(List<Suppression> items, String next) {}

    public SuppressionView find(String channel, String address) {
        Channel c = channel(channel, address);
        return view(c, address.trim());
    }

    public SuppressionPage recent(String channel, Integer limit, String next) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Channel> c = Channel.parse(channel);
        if (c.isEmpty()) {
            errors.add(new FieldError("channel", "one of Email, SMS, WhatsApp, InApp"));
        }
        int size = limit == null ? 50 : limit;
        if (size < 1 || size > 100) {
            errors.add(new FieldError("limit", "between 1 and 100"));
        }
        String before = next == null || next.isBlank()
                ? null
                : OpaqueCursor.decode(next).orElse(null);
        if (next != null && !next.isBlank() && before == null) {
            errors.add(new FieldError("next", "not a cursor of this list"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.INVALID_VALUE, errors);
        }
        List<Suppression> items = store.recent(c.get(), before, size);
        String cursor = items.size() < size
                ? null
                : OpaqueCursor.encode(DynamoSuppressionStore.cursor(items.get(items.size() - 1)));
        return new SuppressionPage(items, cursor);
    }

    /** Lifts a suppression; a hard bounce or complaint only with {@code confirm}. */
    @Audited("suppression.lift")
    public SuppressionView lift(String channel, String address, String reason, boolean confirm, String by) {
        Channel c = channel(channel, address);
        if (reason == null || reason.isBlank() || reason.length() > 500) {
            throw InvalidRequestException.invalid(
                    "reason", "why it is lifted (1 to 500 characters) is kept in the history");
        }
        String a = address.trim();
        Suppression entry = store.find(c, a).orElseThrow(() -> new NotFoundException("suppression", c + " " + a));
        if (Suppression.SUPPRESSED.equals(entry.kind()) && !confirm) {
            throw new ConflictException(
                    "suppression",
                    c + " " + a,
                    "is a hard bounce or complaint (" + entry.reason()
                            + "): sending there again can hurt the sender's reputation; lift it with confirm=true if the address was mended");
        }
        store.lift(c, a, reason.strip(), by, clock.instant().toString());
        LOG.info(() -> c + " suppression of an address lifted by " + by + " (" + entry.kind() + ")");
        return view(c, a);
    }

    /**
     * A customer's reply on SMS or WhatsApp: a stop keyword opts the number out, a start keyword
     * lifts their own opt-out (a bounce or complaint stays until an admin lifts it).
     */
    public void reply(Channel channel, String from, String text) {
        String now = clock.instant().toString();
        if (keywords.optsOut(channel, text)) {
            store.suppress(new Suppression(
                    channel, from, Suppression.OPTED_OUT, "replied " + text.strip() + " on " + channel, now));
        } else if (keywords.optsIn(channel, text)) {
            store.find(channel, from)
                    .filter(s -> Suppression.OPTED_OUT.equals(s.kind()))
                    .ifPresent(s -> store.lift(
                            channel, from, "replied " + text.strip() + " on " + channel, "the customer", now));
        }
    }

    /**
     * A one-click unsubscribe from marketing: the address stops getting marketing on the channel
     * and keeps its service messages. An opt-out or bounce already on the list is left as it is.
     * Answers the channel and address, or empty for a token we did not sign or that expired.
     */
    public Optional<UnsubscribeTokens.Target> unsubscribe(String token) {
        Optional<UnsubscribeTokens.Target> target = tokens.verify(token);
        target.filter(t -> store.find(t.channel(), t.address()).isEmpty())
                .ifPresent(t -> store.suppress(new Suppression(
                        t.channel(),
                        t.address(),
                        Suppression.UNSUBSCRIBED,
                        "one-click unsubscribe from marketing",
                        clock.instant().toString())));
        return target;
    }

    private SuppressionView view(Channel c, String address) {
        Optional<Suppression> entry = store.find(c, address);
        return new SuppressionView(
                c.name(),
                address,
                entry.isPresent(),
                entry.map(Suppression::kind).orElse(null),
                entry.map(Suppression::reason).orElse(null),
                entry.map(Suppression::since).orElse(null),
                store.history(c, address, 50));
    }

    private Channel channel(String channel, String address) {
        List<FieldError> errors = new ArrayList<>();
        Optional<Channel> c = Channel.parse(channel);
        if (c.isEmpty()) {
            errors.add(new FieldError("channel", "one of Email, SMS, WhatsApp, InApp"));
        }
        if (address == null || address.isBlank() || address.length() > 320) {
            errors.add(new FieldError("address", "the email address or E.164 number to look up"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.INVALID_VALUE, errors);
        }
        return c.get();
    }
}
