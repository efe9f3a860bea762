package com.switchboard.admin.support;

import com.switchboard.error.InvalidRequestException;
import com.switchboard.preference.StakeholderMatch;
import com.switchboard.preference.StakeholderProfileService;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.util.List;

/**
 * Finding a stakeholder by name, vehicle registration or customer number through
 * {@link StakeholderProfileService}, with a status line screen readers announce; a page's bean adds
 * what picking one does ({@code WEB-INF/templates/stakeholder-search.xhtml} draws it).
 */
public abstract class StakeholderSearch implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    StakeholderProfileService profiles;

    private String query;
    private List<Found> results = List.of();
    private String status;

    /** A search result as the page shows it. */
    public record Found(String stakeholderId, String name, String vehicles, String customerNumber, String matched)
            implements Serializable {
        static Found of(StakeholderMatch m) {
            return new Found(
                    m.stakeholderId(),
                    m.displayName(),
                    String.join(", ", m.vehicles()),
                    m.customerNumber(),
                    m.matchedField());
        }
    }

    public void search() {
        try {
            results = profiles.search(query).stream().map(Found::of).toList();
            status = results.isEmpty()
                    ? "No stakeholder matches '" + query.trim() + "'."
                    : results.size() + " stakeholder(s) found for '" + query.trim() + "'.";
        } catch (InvalidRequestException e) {
            results = List.of();
            status = e.errors().get(0).message();
        }
    }

    protected void say(String status) {
        this.status = status;
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
