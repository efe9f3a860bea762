package com.switchboard.communication;

import com.switchboard.channel.Channel;
import com.switchboard.channel.ChannelProviders;
import com.switchboard.error.FieldError;
import com.switchboard.preference.ChannelPreference;
import com.switchboard.preference.DynamoPreferenceStore;
import com.switchboard.preference.AddressValidator;
import com.switchboard.preference.Preferences;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Decides, for each recipient of a send, the channel and address: explicit recipients keep theirs
 * (or take the primary channel); stakeholders named by id get the primary channel when their
 * preferences enable it, else their first enabled channel. The rule that chose is recorded.
 */
@ApplicationScoped
public class RecipientPlanner {

    @Inject
    DynamoPreferenceStore preferences;

    @Inject
    AddressValidator addresses;

    @Inject
    ChannelProviders providers;

    public List<NewCommunication.Planned> plan(SendRequest request, List<Channel> channels, Channel primary,
            List<FieldError> errors) {
        List<NewCommunication.Planned> planned = new ArrayList<>();
        List<SendRequest.Recipient> explicit = request.recipients() == null ? List.of() : request.recipients();
        for (int i = 0; i < explicit.size(); i++) {
            planExplicit(explicit.get(i), "recipients[" + i + "]", channels, primary, errors)
                    .ifPresent(p -> planned.add(withIndex(p, planned.size())));
        }
        List<String> ids = request.stakeholderIds() == null ? List.of() : request.stakeholderIds();
        for (int i = 0; i < ids.size(); i++) {
            planStakeholder(ids.get(i), "stakeholderIds[" + i + "]", channels, primary, errors)
                    .ifPresent(p -> planned.add(withIndex(p, planned.size())));
        }
        return planned;
    }

    private Optional<NewCommunication.Planned> planExplicit(SendRequest.Recipient r, String field, List<Channel> channels,
            Channel primary, List<FieldError> errors) {
        if (r == null) {
            errors.add(new FieldError(field, "a recipient is required"));
            return Optional.empty();
        }
        Channel channel;
        String rule;
        if (r.channel() != null) {
            Optional<Channel> parsed = Channel.parse(r.channel());
            if (parsed.isEmpty()) {
                errors.add(new FieldError(field + ".channel", "unknown channel '" + r.channel() + "'; one of Email, SMS, WhatsApp, InApp"));
                return Optional.empty();
            }
            channel = parsed.get();
            rule = "recipient";
        } else if (primary != null) {
            channel = primary;
            rule = "primary";
        } else if (!channels.isEmpty()) {
            channel = channels.get(0);
            rule = "first-listed";
        } else {
            errors.add(new FieldError(field + ".channel", "no channel given and no primaryChannel or channels to choose from"));
            return Optional.empty();
        }
        Optional<String> problem = addresses.problem(channel, r.address());
        if (problem.isPresent()) {
            errors.add(new FieldError(field + ".address", problem.get()));
            return Optional.empty();
        }
        return Optional.of(new NewCommunication.Planned(0, channel, r.address().trim(), r.stakeholderId(), rule));
    }

    private Optional<NewCommunication.Planned> planStakeholder(String id, String field, List<Channel> channels,
            Channel primary, List<FieldError> errors) {
        if (id == null || id.isBlank()) {
            errors.add(new FieldError(field, "a stakeholder id is required"));
            return Optional.empty();
        }
        Optional<Preferences> prefs = preferences.find(id);
        if (prefs.isEmpty()) {
            errors.add(new FieldError(field, "stakeholder '" + id + "' has no channel preferences"));
            return Optional.empty();
        }
        Map<String, ChannelPreference> own = prefs.get().channels();
        if (primary != null && usable(own.get(primary.name()), primary)) {
            return Optional.of(new NewCommunication.Planned(0, primary, own.get(primary.name()).destination(), id, "primary"));
        }
        for (Map.Entry<String, ChannelPreference> e : own.entrySet()) {
            Channel c = Channel.valueOf(e.getKey());
            if ((channels.isEmpty() || channels.contains(c)) && usable(e.getValue(), c)) {
                return Optional.of(new NewCommunication.Planned(0, c, e.getValue().destination(), id, "preference"));
            }
        }
        errors.add(new FieldError(field, "stakeholder '" + id + "' has no enabled channel with an address that can be used"
                + (channels.isEmpty() ? "" : " among " + channels)));
        return Optional.empty();
    }

    private boolean usable(ChannelPreference p, Channel channel) {
        return p != null && p.isEnabled() && p.destination() != null && providers.available(channel);
    }

    private static NewCommunication.Planned withIndex(NewCommunication.Planned p, int index) {
        return new NewCommunication.Planned(index, p.channel(), p.address(), p.stakeholderId(), p.rule());
    }
}
