package com.switchboard.admin.preference;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.error.ConflictException;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.preference.StakeholderProfile;
import com.switchboard.preference.StakeholderProfileService;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;

/**
 * Backing bean of the profile part of the Preferences page: who the loaded stakeholder is (name,
 * vehicle registrations, customer number), the words Compose's stakeholder search finds them by.
 * Loaded with the preferences (the Load button's action listener), saved by admins through
 * {@link StakeholderProfileService}.
 */
@Named("profileView")
@ViewScoped
public class ProfileView implements Serializable {
    private static final long serialVersionUID = 1L;

    @Inject
    StakeholderProfileService profiles;

    @Inject
    PreferencesView preferencesView;

    private String stakeholderId;
    private String displayName;
    private String vehicles;
    private String customerNumber;
    private String updatedAt;

    public void load() {
        stakeholderId = preferencesView.getStakeholderId() == null
                ? null
                : preferencesView.getStakeholderId().trim();
        displayName = null;
        vehicles = null;
        customerNumber = null;
        updatedAt = null;
        try {
            StakeholderProfile p = profiles.get(stakeholderId);
            displayName = p.displayName();
            vehicles = String.join(", ", p.vehicles());
            customerNumber = p.customerNumber();
            updatedAt = p.updatedAt();
        } catch (NotFoundException | InvalidRequestException e) {
            // no profile yet (or no valid id, which the preferences part reports): the form starts empty
        }
    }

    public String save() {
        if (!FacesContext.getCurrentInstance().getExternalContext().isUserInRole("admin")) {
            FieldMessages.page(FacesMessage.SEVERITY_ERROR, "Only an admin changes a stakeholder's profile.");
            return null;
        }
        List<String> plates = vehicles == null || vehicles.isBlank()
                ? List.of()
                : Arrays.stream(vehicles.split("[,;\\n]+"))
                        .map(String::trim)
                        .filter(v -> !v.isEmpty())
                        .toList();
        try {
            StakeholderProfile saved = profiles.put(
                    stakeholderId, new StakeholderProfile(stakeholderId, displayName, plates, customerNumber, null));
            vehicles = String.join(", ", saved.vehicles());
            updatedAt = saved.updatedAt();
            FieldMessages.page(FacesMessage.SEVERITY_INFO, "Profile of " + saved.stakeholderId() + " saved.");
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, ProfileView::component);
        } catch (ConflictException e) {
            FieldMessages.page(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        return null;
    }

    static String component(String field) {
        if (field.startsWith("vehicles")) {
            return "profile:vehicles";
        }
        switch (field) {
            case "displayName":
                return "profile:displayName";
            case "customerNumber":
                return "profile:customerNumber";
            default:
                return null;
        }
    }

    public String getStakeholderId() {
        return stakeholderId;
    }

    public String getDisplayName() {
        return displayName;
    }

    public void setDisplayName(String displayName) {
        this.displayName = displayName;
    }

    public String getVehicles() {
        return vehicles;
    }

    public void setVehicles(String vehicles) {
        this.vehicles = vehicles;
    }

    public String getCustomerNumber() {
        return customerNumber;
    }

    public void setCustomerNumber(String customerNumber) {
        this.customerNumber = customerNumber;
    }

    public String getUpdatedAt() {
        return updatedAt;
    }
}
