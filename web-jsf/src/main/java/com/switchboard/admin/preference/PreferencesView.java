package com.switchboard.admin.preference;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.preference.ChannelPreference;
import com.switchboard.preference.PreferenceChange;
import com.switchboard.preference.PreferenceService;
import com.switchboard.preference.Preferences;
import com.switchboard.preference.QuietHours;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.DayOfWeek;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;

/**
 * Backing bean of the Preferences page: load a stakeholder's preferences (or start new ones), edit
 * type, time zone, digest time and day, quiet hours and per channel whether it is used, where and how often, and save them through
 * {@link PreferenceService}, whose field errors appear next to the inputs.
 */
@Named("preferencesView")
@ViewScoped
public class PreferencesView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final List<String> CHANNELS = List.of("Email", "SMS", "WhatsApp", "InApp");

    @Inject
    PreferenceService preferences;

    private String stakeholderId;
    private String stakeholderType = "Customer";
    private String timezone;
    private String digestTime = "08:00";
    private String digestDay = "MONDAY";
    private String quietStart;
    private String quietEnd;
    private String updatedAt;
    private String updatedBy;
    private List<PreferenceChange> history = List.of();
    private boolean loaded;
    private List<ChannelRow> rows = emptyRows();

    /** One channel's editable settings; {@code order} is its rank (1 = most preferred). */
    public static class ChannelRow implements Serializable {
        private static final long serialVersionUID = 1L;
        private final String channel;
        private boolean enabled;
        private String destination;
        private String frequency = "Immediate";
        private boolean marketing = true;

        ChannelRow(String channel) {
            this.channel = channel;
        }

        public String getChannel() {
            return channel;
        }

        /** SMS and WhatsApp take an E.164 number, the others an address (email or user id). */
        public boolean isNumber() {
            return "SMS".equals(channel) || "WhatsApp".equals(channel);
        }

        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        public String getDestination() {
            return destination;
        }

        public void setDestination(String destination) {
            this.destination = destination;
        }

        public String getFrequency() {
            return frequency;
        }

        public void setFrequency(String frequency) {
            this.frequency = frequency;
        }

        public boolean isMarketing() {
            return marketing;
        }

        public void setMarketing(boolean marketing) {
            this.marketing = marketing;
        }
    }

    private static List<ChannelRow> emptyRows() {
        List<ChannelRow> rows = new ArrayList<>();
        CHANNELS.forEach(c -> rows.add(new ChannelRow(c)));
        return rows;
    }

    public String load() {
        rows = emptyRows();
        digestTime = "08:00";
        digestDay = "MONDAY";
        quietStart = null;
        quietEnd = null;
        loaded = true;
        updatedAt = null;
        updatedBy = null;
        history = List.of();
        try {
            Preferences p = preferences.get(stakeholderId == null ? null : stakeholderId.trim());
            stakeholderType = p.stakeholderType();
            timezone = p.timezone();
            digestTime = p.digestTime();
            digestDay = p.digestDay();
            quietStart = p.quietHours() == null ? null : p.quietHours().start();
            quietEnd = p.quietHours() == null ? null : p.quietHours().end();
            updatedAt = p.updatedAt();
            updatedBy = p.updatedBy();
            loadHistory();
            for (ChannelRow row : rows) {
                ChannelPreference c = p.channels().get(row.channel);
                if (c != null) {
                    row.enabled = c.isEnabled();
                    row.destination = c.destination();
                    row.frequency = c.frequency() == null ? "Immediate" : c.frequency();
                    row.marketing = c.acceptsMarketing();
                }
            }
        } catch (NotFoundException e) {
            FieldMessages.page(
                    FacesMessage.SEVERITY_INFO,
                    "No preferences stored for " + stakeholderId.trim() + " yet: new ones.");
        } catch (InvalidRequestException e) {
            loaded = false;
            FieldMessages.show(e, field -> "lookup:stakeholderId");
        }
        return null;
    }

    /** CSRs and admins change someone's preferences (as in the API): a customer's phone call is a CSR's to record. */
    public String save() {
        var external = FacesContext.getCurrentInstance().getExternalContext();
        if (!external.isUserInRole("admin") && !external.isUserInRole("csr")) {
            FieldMessages.page(FacesMessage.SEVERITY_ERROR, "Only staff change a stakeholder's preferences.");
            return null;
        }
        LinkedHashMap<String, ChannelPreference> channels = new LinkedHashMap<>();
        for (ChannelRow row : rows) {
            if (row.enabled || (row.destination != null && !row.destination.isBlank())) {
                String d = row.destination == null || row.destination.isBlank() ? null : row.destination.trim();
                channels.put(
                        row.channel,
                        new ChannelPreference(
                                row.enabled,
                                row.isNumber() ? null : d,
                                row.isNumber() ? d : null,
                                row.frequency,
                                row.marketing ? null : Boolean.FALSE));
            }
        }
        try {
            Preferences saved = preferences.put(
                    stakeholderId.trim(),
                    new Preferences(
                            stakeholderId.trim(),
                            stakeholderType,
                            blankToNull(timezone),
                            channels,
                            null,
                            blankToNull(digestTime),
                            blankToNull(digestDay),
                            quietHours(),
                            null,
                            null,
                            null),
                    FacesContext.getCurrentInstance()
                            .getExternalContext()
                            .getUserPrincipal()
                            .getName());
            updatedAt = saved.updatedAt();
            updatedBy = saved.updatedBy();
            loadHistory();
            FieldMessages.page(FacesMessage.SEVERITY_INFO, "Preferences of " + saved.stakeholderId() + " saved.");
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, PreferencesView::component);
        }
        return null;
    }

    /** Quiet hours when either end is filled in, so a half-filled pair is reported by the service. */
    private QuietHours quietHours() {
        return blankToNull(quietStart) == null && blankToNull(quietEnd) == null
                ? null
                : new QuietHours(blankToNull(quietStart), blankToNull(quietEnd));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.trim();
    }

    /** {@code channels.SMS.number} → the SMS row's destination input; type and time zone to theirs. */
    static String component(String field) {
        if (field.startsWith("channels.")) {
            String[] parts = field.split("\\.");
            int row = parts.length > 1 ? CHANNELS.indexOf(parts[1]) : -1;
            if (row < 0) {
                return null;
            }
            String input = parts.length > 2 && parts[2].equals("frequency") ? "frequency" : "destination";
            return "edit:channels:" + row + ":" + input;
        }
        switch (field) {
            case "stakeholderType":
                return "edit:type";
            case "timezone":
                return "edit:timezone";
            case "digestTime":
                return "edit:digestTime";
            case "digestDay":
                return "edit:digestDay";
            case "quietHours.start":
                return "edit:quietStart";
            case "quietHours.end":
                return "edit:quietEnd";
            default:
                return null;
        }
    }

    public List<String> getTypes() {
        return List.of("Customer", "Staff", "Supplier");
    }

    public List<String> getDays() {
        return Arrays.stream(DayOfWeek.values()).map(DayOfWeek::name).toList();
    }

    public List<String> getFrequencies() {
        return List.of("Immediate", "Daily", "Weekly");
    }

    public boolean isLoaded() {
        return loaded;
    }

    public List<ChannelRow> getRows() {
        return rows;
    }

    public String getStakeholderId() {
        return stakeholderId;
    }

    public void setStakeholderId(String stakeholderId) {
        this.stakeholderId = stakeholderId;
    }

    public String getStakeholderType() {
        return stakeholderType;
    }

    public void setStakeholderType(String stakeholderType) {
        this.stakeholderType = stakeholderType;
    }

    public String getTimezone() {
        return timezone;
    }

    public void setTimezone(String timezone) {
        this.timezone = timezone;
    }

    public String getDigestTime() {
        return digestTime;
    }

    public void setDigestTime(String digestTime) {
        this.digestTime = digestTime;
    }

    public String getDigestDay() {
        return digestDay;
    }

    public void setDigestDay(String digestDay) {
        this.digestDay = digestDay;
    }

    public String getQuietStart() {
        return quietStart;
    }

    public void setQuietStart(String quietStart) {
        this.quietStart = quietStart;
    }

    public String getQuietEnd() {
        return quietEnd;
    }

    public void setQuietEnd(String quietEnd) {
        this.quietEnd = quietEnd;
    }

    public String getUpdatedBy() {
        return updatedBy;
    }

    /** The latest changes (who, when, what), newest first. */
    public List<PreferenceChange> getHistory() {
        return history;
    }

    private void loadHistory() {
        history = preferences.history(stakeholderId.trim(), 20, null).items();
    }

    public String getUpdatedAt() {
        return updatedAt;
    }
}
