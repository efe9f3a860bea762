package com.switchboard.communication.send;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelProviders;
import com.switchboard.communication.ChannelSelection;
import com.switchboard.communication.DeliveryTiming;
import com.switchboard.communication.DestinationCountries;
import com.switchboard.communication.FallbackStep;
import com.switchboard.communication.NewCommunication;
import com.switchboard.communication.SendMode;
import com.switchboard.communication.SendRequest;
import com.switchboard.communication.Urgency;
import com.switchboard.error.FieldError;
import com.switchboard.preference.AddressValidator;
import com.switchboard.preference.ChannelPreference;
import com.switchboard.preference.DynamoPreferenceStore;
import com.switchboard.preference.Preferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Decides, for each recipient of a send, the channels and addresses. Explicit recipients keep
 * theirs (or take the primary channel), with their own {@code fallbacks}; stakeholders named by id
 * go through {@link ChannelSelection} over the channels their preferences enable, and get the rest
 * of their channels (or the request's {@code fallback} list) as their fallback chain. In mode
 * {@code all} every channel becomes a recipient of its own. The rule that chose is recorded.
 */
@ApplicationScoped
public class RecipientPlanner {

    @Inject
    DynamoPreferenceStore preferences;

    @Inject
    AddressValidator addresses;

    @Inject
    ChannelProviders providers;

    @Inject
    DestinationCountries countries;

    /** What the request says about choosing channels, parsed and validated. */
    public record Criteria(
            List<Channel> channels,
            Channel primary,
            Urgency urgency,
            ChannelSelection.Content content,
            SendMode mode,
            List<Channel> fallback) {}

    /**
     * The recipients to write, indexed in order. The same channel and address twice in one send
     * (listed twice, or reached both directly and through a stakeholder) is planned once: one
     * person gets one copy, and a list of one number repeated costs one message.
     */
    public List<NewCommunication.Planned> plan(SendRequest request, Criteria criteria, List<FieldError> errors) {
        List<NewCommunication.Planned> planned = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        java.util.function.Consumer<NewCommunication.Planned> add = p -> {
            if (seen.add(p.channel() + " " + p.address().toLowerCase(Locale.ROOT))) {
                planned.add(withIndex(p, planned.size()));
            }
        };
        List<SendRequest.Recipient> explicit = request.recipients() == null ? List.of() : request.recipients();
        for (int i = 0; i < explicit.size(); i++) {
            planExplicit(explicit.get(i), "recipients[" + i + "]", criteria, errors)
                    .forEach(add);
        }
        List<String> ids = request.stakeholderIds() == null ? List.of() : request.stakeholderIds();
        for (int i = 0; i < ids.size(); i++) {
            planStakeholder(ids.get(i), "stakeholderIds[" + i + "]", criteria, request.marketing(), errors)
                    .forEach(add);
        }
        return planned;
    }

    private List<NewCommunication.Planned> planExplicit(
            SendRequest.Recipient r, String field, Criteria criteria, List<FieldError> errors) {
        if (r == null) {
            errors.add(new FieldError(field, "a recipient is required"));
            return List.of();
        }
        Channel channel;
        String rule;
        if (r.channel() != null) {
            Optional<Channel> parsed = Channel.parse(r.channel());
            if (parsed.isEmpty()) {
                errors.add(new FieldError(
                        field + ".channel",
                        "unknown channel '" + r.channel() + "'; one of Email, SMS, WhatsApp, InApp"));
                return List.of();
            }
            channel = parsed.get();
            rule = "recipient";
        } else if (criteria.primary() != null) {
            channel = criteria.primary();
            rule = ChannelSelection.PRIMARY;
        } else if (!criteria.channels().isEmpty()) {
            channel = criteria.channels().get(0);
            rule = "first-listed";
        } else {
            errors.add(new FieldError(
                    field + ".channel", "no channel given and no primaryChannel or channels to choose from"));
            return List.of();
        }
        Optional<String> problem =
                addresses.problem(channel, r.address()).or(() -> countries.refusal(channel, r.address()));
        if (problem.isPresent()) {
            errors.add(new FieldError(field + ".address", problem.get()));
            return List.of();
        }
        List<FallbackStep> steps = explicitFallbacks(r.fallbacks(), field, errors);
        if (criteria.mode() == SendMode.ALL) {
            List<NewCommunication.Planned> each = new ArrayList<>();
            each.add(new NewCommunication.Planned(0, channel, r.address().trim(), r.stakeholderId(), rule));
            steps.forEach(s -> each.add(new NewCommunication.Planned(
                    0, s.channel(), s.address(), r.stakeholderId(), ChannelSelection.MODE_ALL)));
            return each;
        }
        return List.of(new NewCommunication.Planned(0, channel, r.address().trim(), r.stakeholderId(), rule, steps));
    }

    private List<FallbackStep> explicitFallbacks(
            List<SendRequest.Fallback> fallbacks, String field, List<FieldError> errors) {
        List<FallbackStep> steps = new ArrayList<>();
        for (int j = 0; fallbacks != null && j < fallbacks.size(); j++) {
            SendRequest.Fallback f = fallbacks.get(j);
            String at = field + ".fallbacks[" + j + "]";
            Optional<Channel> c = f == null ? Optional.empty() : Channel.parse(f.channel());
            if (c.isEmpty()) {
                errors.add(new FieldError(
                        at + ".channel",
                        "unknown channel '" + (f == null ? null : f.channel())
                                + "'; one of Email, SMS, WhatsApp, InApp"));
                continue;
            }
            Optional<String> problem =
                    addresses.problem(c.get(), f.address()).or(() -> countries.refusal(c.get(), f.address()));
            if (problem.isPresent()) {
                errors.add(new FieldError(at + ".address", problem.get()));
            } else if (!providers.available(c.get())) {
                errors.add(
                        new FieldError(at + ".channel", "channel " + c.get() + " is not available on this server yet"));
            } else {
                steps.add(new FallbackStep(c.get(), f.address().trim()));
            }
        }
        return steps;
    }

    private List<NewCommunication.Planned> planStakeholder(
            String id, String field, Criteria criteria, boolean marketing, List<FieldError> errors) {
        if (id == null || id.isBlank()) {
            errors.add(new FieldError(field, "a stakeholder id is required"));
            return List.of();
        }
        Optional<Preferences> prefs = preferences.find(id);
        if (prefs.isEmpty()) {
            errors.add(new FieldError(field, "stakeholder '" + id + "' has no channel preferences"));
            return List.of();
        }
        Map<String, ChannelPreference> own = prefs.get().channels();
        List<Channel> usable = new ArrayList<>();
        // marketing goes only where the stakeholder has not declined it; service messages everywhere
        own.forEach((name, p) -> Channel.parse(name)
                .filter(c -> usable(p, c) && (!marketing || p.acceptsMarketing()))
                .ifPresent(usable::add));
        List<NewCommunication.Planned> planned = new ArrayList<>();
        if (criteria.mode() == SendMode.ALL) {
            for (Channel c : ChannelSelection.all(usable, criteria.channels())) {
                planned.add(new NewCommunication.Planned(
                        0, c, own.get(c.name()).destination(), id, ChannelSelection.MODE_ALL));
            }
        } else {
            ChannelSelection.first(
                            usable, criteria.primary(), criteria.channels(), criteria.urgency(), criteria.content())
                    .ifPresent(first -> {
                        List<Channel> used = new ArrayList<>(List.of(first.channel()));
                        used.addAll(ChannelSelection.alsoAtOnce(
                                first, usable, prefs.get().stakeholderType()));
                        List<FallbackStep> chain = ChannelSelection.fallbacks(
                                        usable, used, criteria.fallback(), criteria.channels(), criteria.content())
                                .stream()
                                .map(c -> new FallbackStep(c, own.get(c.name()).destination()))
                                .toList();
                        planned.add(new NewCommunication.Planned(
                                0,
                                first.channel(),
                                own.get(first.channel().name()).destination(),
                                id,
                                first.rule(),
                                chain));
                        used.subList(1, used.size())
                                .forEach(c -> planned.add(new NewCommunication.Planned(
                                        0, c, own.get(c.name()).destination(), id, first.rule())));
                    });
        }
        if (planned.isEmpty()) {
            errors.add(new FieldError(
                    field,
                    "stakeholder '" + id + "' has no enabled channel with an address that can be used"
                            + (marketing ? " for marketing" : "")
                            + (criteria.channels().isEmpty() ? "" : " among " + criteria.channels())));
        }
        return planned.stream()
                .map(p -> withTiming(p, prefs.get(), criteria.urgency()))
                .toList();
    }

    /** Digests and quiet hours follow the stakeholder's wishes for the channel chosen. */
    private static NewCommunication.Planned withTiming(NewCommunication.Planned p, Preferences prefs, Urgency urgency) {
        String timing = DeliveryTiming.of(
                        prefs, prefs.channels().get(p.channel().name()), urgency)
                .orElse(null);
        return new NewCommunication.Planned(
                p.index(), p.channel(), p.address(), p.stakeholderId(), p.rule(), p.fallbacks(), timing);
    }

    private boolean usable(ChannelPreference p, Channel channel) {
        return p != null
                && p.isEnabled()
                && p.destination() != null
                && providers.available(channel)
                && countries.refusal(channel, p.destination()).isEmpty();
    }

    private static NewCommunication.Planned withIndex(NewCommunication.Planned p, int index) {
        return new NewCommunication.Planned(
                index, p.channel(), p.address(), p.stakeholderId(), p.rule(), p.fallbacks(), p.timing());
    }
}
