package com.switchboard.preference;

import com.switchboard.audit.Audited;
import com.switchboard.error.ConflictException;
import com.switchboard.error.FieldError;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and replaces stakeholder profiles (name, vehicle plates, customer number) and finds
 * stakeholders by any of them: the search queries the token partition of its longest term and
 * keeps the stakeholders whose tokens also start with every other term — one Query, never a Scan.
 */
@ApplicationScoped
public class StakeholderProfileService {
    public static final int MAX_RESULTS = 20;
    static final int MAX_VEHICLES = 20;
    /** Token items read for one search: several per stakeholder when their words share a prefix. */
    static final int MAX_TOKENS_READ = 200;

    @Inject
    DynamoStakeholderProfileStore store;

    @Inject
    Clock clock;

    public StakeholderProfile get(String stakeholderId) {
        PreferenceIds.require(stakeholderId);
        return store.find(stakeholderId).orElseThrow(() -> new NotFoundException("stakeholder profile", stakeholderId));
    }

    @Audited("stakeholder-profile.put")
    public StakeholderProfile put(String stakeholderId, StakeholderProfile requested) {
        PreferenceIds.require(stakeholderId);
        if (requested == null) {
            throw InvalidRequestException.invalid("body", "a profile is required");
        }
        List<FieldError> errors = new ArrayList<>();
        if (requested.stakeholderId() != null && !requested.stakeholderId().equals(stakeholderId)) {
            errors.add(new FieldError("stakeholderId", "does not match the stakeholderId query parameter"));
        }
        String name = requested.displayName() == null
                ? ""
                : requested.displayName().trim().replaceAll("\\s+", " ");
        if (name.isEmpty() || name.length() > 200) {
            errors.add(new FieldError("displayName", "a name of 1 to 200 characters is required"));
        }
        List<String> vehicles = new ArrayList<>();
        List<String> requestedVehicles = requested.vehicles() == null ? List.of() : requested.vehicles();
        if (requestedVehicles.size() > MAX_VEHICLES) {
            errors.add(new FieldError("vehicles", "at most " + MAX_VEHICLES + " vehicles"));
        }
        for (int i = 0; i < requestedVehicles.size() && i < MAX_VEHICLES; i++) {
            String plate = plate(requestedVehicles.get(i));
            if (plate == null) {
                errors.add(new FieldError(
                        "vehicles[" + i + "]", "a registration of 2 to 12 letters, digits, spaces or '-'"));
            } else if (!vehicles.contains(plate)) {
                vehicles.add(plate);
            }
        }
        String customer =
                requested.customerNumber() == null || requested.customerNumber().isBlank()
                        ? null
                        : requested.customerNumber().trim();
        if (customer != null && !customer.matches("[A-Za-z0-9][A-Za-z0-9./-]{0,39}")) {
            errors.add(new FieldError("customerNumber", "letters, digits, '.', '/' or '-', at most 40"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(InvalidRequestException.Kind.INVALID_VALUE, errors);
        }
        Optional<StakeholderProfile> previous = store.find(stakeholderId);
        StakeholderProfile profile = new StakeholderProfile(
                stakeholderId,
                name,
                List.copyOf(vehicles),
                customer,
                Instant.now(clock).toString());
        if (!store.save(profile, previous)) {
            throw new ConflictException(
                    "stakeholder profile", stakeholderId, "was changed by someone else meanwhile; load it again");
        }
        return profile;
    }

    /**
     * Stakeholders whose name words, plates or customer number start with every term of the search,
     * at most {@link #MAX_RESULTS}, in token order.
     */
    public List<StakeholderMatch> search(String search) {
        List<String> terms = SearchTokens.terms(search);
        if (terms.isEmpty() || terms.get(0).length() < SearchTokens.MIN_TERM) {
            throw InvalidRequestException.invalid(
                    "search",
                    "at least " + SearchTokens.MIN_TERM
                            + " letters or digits of a name, registration or customer number");
        }
        Map<String, StakeholderMatch> found = new LinkedHashMap<>();
        for (var item : store.tokensStartingWith(terms.get(0), MAX_TOKENS_READ)) {
            List<String> tokens = DynamoStakeholderProfileStore.terms(item);
            boolean all = terms.stream().allMatch(term -> tokens.stream().anyMatch(t -> t.startsWith(term)));
            if (all) {
                StakeholderMatch m = DynamoStakeholderProfileStore.toMatch(item);
                found.putIfAbsent(m.stakeholderId(), m);
            }
            if (found.size() == MAX_RESULTS) {
                break;
            }
        }
        return List.copyOf(found.values());
    }

    /** A plate as stored: upper case, single spaces; null if it is not one. */
    static String plate(String text) {
        if (text == null) {
            return null;
        }
        String p = text.trim().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        return p.matches("[A-Z0-9][A-Z0-9 -]{1,11}") ? p : null;
    }
}
