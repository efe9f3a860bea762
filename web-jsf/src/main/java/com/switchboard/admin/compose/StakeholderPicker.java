package com.switchboard.admin.compose;

import com.switchboard.error.InvalidRequestException;
import com.switchboard.preference.StakeholderMatch;
import com.switchboard.preference.StakeholderProfileService;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/**
 * The stakeholder search of the Compose page: finds stakeholders by name, vehicle registration or
 * customer number through {@link StakeholderProfileService} and adds the one picked to the
 * compose form's stakeholder ids, saying what happened in a status line screen readers announce.
 */
@Named("stakeholderPicker")
@ViewScoped
public class StakeholderPicker implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    StakeholderProfileService profiles;

    @Inject
    ComposeView compose;

    private String query;
    private List<Found> results = List.of();
    private String status;

    /** A search result as the page shows it. */
    public record Found(String stakeholderId, String name, String vehicles, String customerNumber, String matched)
            implements Serializable {
        static Found of(StakeholderMatch m) {
            return new Found(m.stakeholderId(), m.displayName(), String.join(", ", m.vehicles()), m.customerNumber(),
                    m.matchedField());
        }
    }

    public void search() {
        try {
            results = profiles.search(query).stream().map(Found::of).toList();
            status = results.isEmpty() ? "No stakeholder matches '" + query.trim() + "'."
                    : results.size() + " stakeholder(s) found for '" + query.trim() + "'.";
        } catch (InvalidRequestException e) {
            results = List.of();
            status = e.errors().get(0).message();
        }
    }

    public void pick(Found f) {
        compose.addStakeholder(f.stakeholderId());
        status = "Added " + f.name() + " (" + f.stakeholderId() + ") to the stakeholders.";
    }

    public String getQuery() {
        return query;
    }

    public void setQuery(String query) {
        this.query = query;
    }

    public List<Found> getResults() {
        return results;
    }

    public String getStatus() {
        return status;
    }
}
