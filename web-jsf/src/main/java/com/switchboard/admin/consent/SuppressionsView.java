package com.switchboard.admin.consent;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.error.ConflictException;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.error.NotFoundException;
import com.switchboard.preference.ConsentService;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Backing bean of the Suppressions page (staff): look an address or number up on a channel, see
 * whether and why it is suppressed and its history; an admin lifts it with a reason, ticking the
 * confirmation for a hard bounce or complaint, which the page warns about.
 */
@Named("suppressionsView")
@ViewScoped
public class SuppressionsView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS =
            Map.of("channel", "lookup:channel", "address", "lookup:address", "reason", "lift:reason");

    @Inject
    transient ConsentService consent;

    private String channel = "SMS";
    private String address;
    private String reason;
    private boolean confirm;
    private ConsentService.SuppressionView found;

    public String lookup() {
        found = null;
        try {
            found = consent.find(channel, address);
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, FIELDS);
        }
        return null;
    }

    public String lift() {
        if (!FacesContext.getCurrentInstance().getExternalContext().isUserInRole("admin")) {
            FieldMessages.page(FacesMessage.SEVERITY_ERROR, "Only an admin lifts a suppression.");
            return null;
        }
        try {
            found = consent.lift(
                    channel,
                    address,
                    reason,
                    confirm,
                    FacesContext.getCurrentInstance()
                            .getExternalContext()
                            .getUserPrincipal()
                            .getName());
            reason = null;
            confirm = false;
            FieldMessages.page(
                    FacesMessage.SEVERITY_INFO,
                    "Suppression of " + found.address() + " on " + found.channel() + " lifted.");
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, FIELDS);
        } catch (ConflictException | NotFoundException e) {
            FieldMessages.page(FacesMessage.SEVERITY_ERROR, e.getMessage());
        }
        return null;
    }

    /** A hard bounce or complaint: lifting it needs the confirmation. */
    public boolean isBounce() {
        return found != null && found.suppressed() && "suppressed".equals(found.kind());
    }

    public List<String> getChannels() {
        return List.of("Email", "SMS", "WhatsApp");
    }

    public ConsentService.SuppressionView getFound() {
        return found;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getAddress() {
        return address;
    }

    public void setAddress(String address) {
        this.address = address;
    }

    public String getReason() {
        return reason;
    }

    public void setReason(String reason) {
        this.reason = reason;
    }

    public boolean isConfirm() {
        return confirm;
    }

    public void setConfirm(boolean confirm) {
        this.confirm = confirm;
    }
}
