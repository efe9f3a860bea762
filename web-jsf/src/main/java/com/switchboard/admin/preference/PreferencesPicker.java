package com.switchboard.admin.preference;

import com.switchboard.admin.support.StakeholderSearch;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The stakeholder search of the Preferences page: the one picked has their preferences and profile opened. */
@Named("preferencesPicker")
@ViewScoped
public class PreferencesPicker extends StakeholderSearch {
    private static final long serialVersionUID = 1L;

    @Inject
    PreferencesView preferences;

    @Inject
    ProfileView profile;

    public String open(Found f) {
        preferences.setStakeholderId(f.stakeholderId());
        profile.load();
        say("Opened " + f.name() + " (" + f.stakeholderId() + ").");
        return preferences.load();
    }
}
