package com.switchboard.preference;

import com.switchboard.audit.Audited;
import com.switchboard.channel.Channel;
import com.switchboard.error.FieldError;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.store.OpaqueCursor;
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
import java.util.Set;

/**
 * Reads, lists and replaces stakeholders' channel preferences, validating every address and number,
 * and keeps every change in the stakeholder's history.
 */
@ApplicationScoped
public class PreferenceService {

    @Inject
    DynamoPreferenceStore store;

    @Inject
    AddressValidator addresses;

    @Inject
    Clock clock;

    @Inject
    StakeholderProfileService profiles;

    /** The stakeholder's preferences, if they have any (no error when not). */
    public Optional<Preferences> find(String stakeholderId) {
        requireId(stakeholderId);
        return store.find(stakeholderId).map(Preferences::withBothSpellings);
    }

    public Preferences get(String stakeholderId) {
        requireId(stakeholderId);
        return store.find(stakeholderId)
                .map(Preferences::withBothSpellings)
                .orElseThrow(() -> new NotFoundException("preferences", stakeholderId));
    }

    /**
     * Replaces a stakeholder's preferences, given as {@code channels} or as the story's
     * {@code preferences}, and keeps the change (who, when, what) in their history.
     */
    public Preferences put(String stakeholderId, Preferences requested, String savedBy) {
        requireId(stakeholderId);
        if (requested == null) {
            throw InvalidRequestException.invalid("body", "preferences are required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (requested.stakeholderId() != null && !requested.stakeholderId().equals(stakeholderId)) {
            errors.add(new FieldError("stakeholderId", "does not match the stakeholderId query parameter"));
        }
        Optional<StakeholderType> type = Arrays.stream(StakeholderType.values())
                .filter(t -> t.name()
                        .equalsIgnoreCase(
                                requested.stakeholderType() == null
                                        ? ""
                                        : requested.stakeholderType().trim()))
                .findFirst();
        if (type.isEmpty()) {
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
        boolean story = requested.channels() == null || requested.channels().isEmpty();
        Map<String, ChannelPreference> given = story ? requested.preferences() : requested.channels();
        String prefix = story ? "preferences." : "channels.";
        LinkedHashMap<String, ChannelPreference> channels = new LinkedHashMap<>();
        if (!story
                && requested.preferences() != null
                && !requested.preferences().isEmpty()) {
            errors.add(new FieldError("preferences", "give channels or preferences, not both"));
        } else if (given == null || given.isEmpty()) {
            errors.add(new FieldError(
                    "channels", "at least one channel is required (channels, or the story's preferences)"));
        } else {
            for (Map.Entry<String, ChannelPreference> e : given.entrySet()) {
                validateChannel(prefix + e.getKey(), e.getKey(), e.getValue(), errors)
                        .ifPresent(c -> {
                            if (channels.putIfAbsent(c.name(), normalise(c, e.getValue(), stakeholderId)) != null) {
                                errors.add(new FieldError(prefix + e.getKey(), c + " is given twice"));
                            }
                        });
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.INVALID_VALUE, errors);
        }
        String now = Instant.now(clock).toString();
        Preferences stored = new Preferences(
                stakeholderId,
                type.get().name(),
                requested.timezone(),
                channels,
                now,
                TimingPreferences.digestTime(requested),
                TimingPreferences.digestDay(requested),
                requested.quietHours(),
                null,
                savedBy,
                null);
        Optional<Preferences> before = store.find(stakeholderId);
        store.save(
                stored,
                new PreferenceChange(stakeholderId, now, savedBy, PreferenceDiff.between(before.orElse(null), stored)));
        return stored.withBothSpellings();
    }

    /**
     * Stakeholders' preferences a page at a time: those matching {@code search} (name, vehicle or
     * customer number, through the stakeholder search: one page of at most its 20 matches), or
     * else every stakeholder of {@code stakeholderType} (or of every type) in id order.
     */
    public PreferencePage list(String stakeholderType, String search, Integer limit, String next) {
        int size = limit == null ? 50 : limit;
        List<FieldError> errors = new ArrayList<>();
        if (size < 1 || size > 100) {
            errors.add(new FieldError("limit", "between 1 and 100"));
        }
        List<StakeholderType> types = new ArrayList<>(Arrays.asList(StakeholderType.values()));
        if (stakeholderType != null && !stakeholderType.isBlank()) {
            types = Arrays.stream(StakeholderType.values())
                    .filter(t -> t.name().equalsIgnoreCase(stakeholderType.trim()))
                    .toList();
            if (types.isEmpty()) {
                errors.add(new FieldError("stakeholderType", "one of Customer, Staff, Supplier"));
            }
        }
        ListCursor cursor = next == null || next.isBlank() ? new ListCursor(0, null) : ListCursor.decode(next);
        if (cursor == null || cursor.type() < 0 || cursor.type() >= Math.max(types.size(), 1)) {
            errors.add(new FieldError("next", "not a cursor of this list"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.INVALID_VALUE, errors);
        }
        if (search != null && !search.isBlank()) {
            Set<String> wanted = types.stream().map(Enum::name).collect(java.util.stream.Collectors.toSet());
            List<Preferences> found =
                    store
                            .findAll(profiles.search(search).stream()
                                    .map(StakeholderMatch::stakeholderId)
                                    .toList())
                            .stream()
                            .filter(p -> wanted.contains(p.stakeholderType()))
                            .limit(size)
                            .map(Preferences::withBothSpellings)
                            .toList();
            return new PreferencePage(found, null);
        }
        List<Preferences> items = new ArrayList<>();
        int t = cursor.type();
        String after = cursor.after();
        while (t < types.size() && items.size() < size) {
            DynamoPreferenceStore.Page page = store.page(types.get(t).name(), after, size - items.size());
            page.items().forEach(p -> items.add(p.withBothSpellings()));
            if (page.more() && !page.items().isEmpty()) {
                after = page.items().get(page.items().size() - 1).stakeholderId();
            } else {
                t++;
                after = null;
            }
        }
        return new PreferencePage(items, t < types.size() ? new ListCursor(t, after).encode() : null);
    }

    /** What one page of {@link #indexNumbers} did; {@code next} continues it, absent at the end. */
    public record NumberIndexPage(int stakeholders, int numbersWritten, String next) {}

    /**
     * Rebuilds, a page of stakeholders at a time, the number index that matches a customer's reply
     * to who wrote it, for preferences saved before the index existed (a save writes it since). Run
     * once after upgrading, following {@code next} to the end; repeating it changes nothing.
     */
    @Audited("preferences.index-numbers")
    public NumberIndexPage indexNumbers(String next, Integer limit) {
        PreferencePage page = list(null, null, limit, next);
        int written = 0;
        for (Preferences p : page.items()) {
            written += store.indexNumbers(p);
        }
        return new NumberIndexPage(page.items().size(), written, page.next());
    }

    /** A stakeholder's saved changes, newest first. */
    public DynamoPreferenceStore.HistoryPage history(String stakeholderId, Integer limit, String next) {
        requireId(stakeholderId);
        int size = limit == null ? 20 : limit;
        if (size < 1 || size > 100) {
            throw InvalidRequestException.invalid("limit", "between 1 and 100");
        }
        if (next != null && DynamoPreferenceStore.historyKey(next).isEmpty()) {
            throw InvalidRequestException.invalid("next", "not a cursor of this history");
        }
        return store.history(stakeholderId, next, size);
    }

    /** Where a list page ends: the index of the type being listed and the last id read of it. */
    record ListCursor(int type, String after) {
        String encode() {
            return OpaqueCursor.encode(type + "|" + (after == null ? "" : after));
        }

        static ListCursor decode(String text) {
            return OpaqueCursor.decode(text)
                    .map(plain -> {
                        try {
                            int bar = plain.indexOf('|');
                            String after = plain.substring(bar + 1);
                            return new ListCursor(
                                    Integer.parseInt(plain.substring(0, bar)), after.isEmpty() ? null : after);
                        } catch (RuntimeException notOurs) {
                            return null;
                        }
                    })
                    .orElse(null);
        }
    }

    private Optional<Channel> validateChannel(
            String field, String name, ChannelPreference pref, List<FieldError> errors) {
        var channel = Channel.parse(name);
        if (channel.isEmpty()) {
            errors.add(new FieldError(
                    field, "unknown channel; one of Email, SMS, WhatsApp, InApp (or email, sms, whatsapp, inApp)"));
            return channel;
        }
        if (pref == null) {
            errors.add(new FieldError(field, "channel settings are required"));
            return Optional.empty();
        }
        if (pref.frequency() != null && frequency(pref.frequency()).isEmpty()) {
            errors.add(new FieldError(field + ".frequency", "one of Immediate, Daily, Weekly"));
        }
        String destinationField =
                channel.get() == Channel.SMS || channel.get() == Channel.WhatsApp ? ".number" : ".address";
        // in-app reaches the stakeholder's own user: no address needed
        boolean needsDestination = channel.get() != Channel.InApp || pref.destination() != null;
        if (needsDestination && (pref.isEnabled() || pref.destination() != null)) {
            addresses
                    .problem(channel.get(), pref.destination())
                    .ifPresent(p -> errors.add(new FieldError(field + destinationField, p)));
        }
        return channel;
    }

    private static Optional<Frequency> frequency(String text) {
        return Arrays.stream(Frequency.values())
                .filter(f -> f.name().equalsIgnoreCase(text.trim()))
                .findFirst();
    }

    private static ChannelPreference normalise(Channel channel, ChannelPreference p, String stakeholderId) {
        String address = channel == Channel.InApp && p.destination() == null ? stakeholderId : p.address();
        return new ChannelPreference(
                p.isEnabled(),
                address,
                p.number(),
                p.frequency() == null
                        ? Frequency.Immediate.name()
                        : frequency(p.frequency()).orElseThrow().name(),
                p.acceptsMarketing() ? null : Boolean.FALSE);
    }

    private static void requireId(String stakeholderId) {
        if (stakeholderId == null || !stakeholderId.matches("[A-Za-z0-9._@:-]{1,128}")) {
            throw InvalidRequestException.invalid(
                    "stakeholderId", "a stakeholder id (letters, digits, . _ @ : -) is required");
        }
    }
}
