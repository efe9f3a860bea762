package com.switchboard.admin.compose;

import com.switchboard.admin.support.StakeholderSearch;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

/** The stakeholder search of the Compose page: the one picked is added to the form's stakeholder ids. */
@Named("stakeholderPicker")
@ViewScoped
public class StakeholderPicker extends StakeholderSearch {
    private static final long serialVersionUID = 1L;

    @Inject
    ComposeView compose;

    public void pick(Found f) {
        compose.addStakeholder(f.stakeholderId());
        say("Added " + f.name() + " (" + f.stakeholderId() + ") to the stakeholders.");
    }
}
