package com.switchboard.preference;

import com.switchboard.channel.Channel;
import com.switchboard.error.FieldError;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Reads and replaces a stakeholder's channel preferences, validating every address and number. */
@ApplicationScoped
public class PreferenceService {

    @Inject
    DynamoPreferenceStore store;

    @Inject
    AddressValidator addresses;

    @Inject
    Clock clock;

    public Preferences get(String stakeholderId) {
        requireId(stakeholderId);
        return store.find(stakeholderId).orElseThrow(() -> new NotFoundException("preferences", stakeholderId));
    }

    public Preferences put(String stakeholderId, Preferences requested) {
        requireId(stakeholderId);
        if (requested == null) {
            throw InvalidRequestException.of(400, "body", "preferences are required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (requested.stakeholderId() != null && !requested.stakeholderId().equals(stakeholderId)) {
            errors.add(new FieldError("stakeholderId", "does not match the stakeholderId query parameter"));
        }
        if (Arrays.stream(StakeholderType.values()).noneMatch(t -> t.name().equals(requested.stakeholderType()))) {
            errors.add(new FieldError("stakeholderType", "one of Customer, Staff, Supplier"));
        }
        if (requested.timezone() != null) {
            try {
                ZoneId.of(requested.timezone());
            } catch (DateTimeException e) {
                errors.add(new FieldError("timezone", "not an IANA time zone such as Europe/London"));
            }
        }
        TimingPreferences.validate(requested, errors);
        LinkedHashMap<String, ChannelPreference> channels = new LinkedHashMap<>();
        if (requested.channels() == null || requested.channels().isEmpty()) {
            errors.add(new FieldError("channels", "at least one channel is required"));
        } else {
            for (Map.Entry<String, ChannelPreference> e : requested.channels().entrySet()) {
                validateChannel(e.getKey(), e.getValue(), errors).ifPresent(c -> channels.put(c.name(), normalise(e.getValue())));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(400, errors);
        }
        Preferences stored = new Preferences(stakeholderId, requested.stakeholderType(), requested.timezone(), channels,
                Instant.now(clock).toString(), TimingPreferences.digestTime(requested), TimingPreferences.digestDay(requested),
                requested.quietHours());
        store.save(stored);
        return stored;
    }

    private Optional<Channel> validateChannel(String name, ChannelPreference pref, List<FieldError> errors) {
        String field = "channels." + name;
        var channel = Channel.parse(name);
        if (channel.isEmpty()) {
            errors.add(new FieldError(field, "unknown channel; one of Email, SMS, WhatsApp, InApp"));
            return channel;
        }
        if (pref == null) {
            errors.add(new FieldError(field, "channel settings are required"));
            return Optional.empty();
        }
        if (pref.frequency() != null && Arrays.stream(Frequency.values()).noneMatch(f -> f.name().equals(pref.frequency()))) {
            errors.add(new FieldError(field + ".frequency", "one of Immediate, Daily, Weekly"));
        }
        String destinationField = channel.get() == Channel.SMS || channel.get() == Channel.WhatsApp ? ".number" : ".address";
        if (pref.isEnabled() || pref.destination() != null) {
            addresses.problem(channel.get(), pref.destination())
                    .ifPresent(p -> errors.add(new FieldError(field + destinationField, p)));
        }
        return channel;
    }

    private static ChannelPreference normalise(ChannelPreference p) {
        return new ChannelPreference(p.isEnabled(), p.address(), p.number(),
                p.frequency() == null ? Frequency.Immediate.name() : p.frequency());
    }

    private static void requireId(String stakeholderId) {
        if (stakeholderId == null || !stakeholderId.matches("[A-Za-z0-9._@:-]{1,128}")) {
            throw InvalidRequestException.of(400, "stakeholderId", "a stakeholder id (letters, digits, . _ @ : -) is required");
        }
    }
}
