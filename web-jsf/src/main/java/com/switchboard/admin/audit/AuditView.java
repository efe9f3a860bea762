package com.switchboard.admin.audit;

import com.switchboard.audit.AuditEntry;
import com.switchboard.audit.AuditLog;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Backing bean of the Audit page (admin): one UTC day of administrative actions, newest first,
 * 50 at a time with "Older" to page on.
 */
@Named("auditView")
@ViewScoped
public class AuditView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final int PAGE = 50;

    @Inject
    transient AuditLog audit;

    @Inject
    transient Clock clock;

    private String day;
    private LocalDate shown;
    private final List<String> cursors = new ArrayList<>();
    private AuditLog.Page page;

    public String getDay() {
        return shown().toString();
    }

    public void setDay(String day) {
        this.day = day;
    }

    private LocalDate shown() {
        if (shown == null) {
            shown = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        }
        return shown;
    }

    public List<AuditEntry> getEntries() {
        if (page == null) {
            page = audit.day(shown(), PAGE, cursors.isEmpty() ? null : cursors.get(cursors.size() - 1));
        }
        return page.entries();
    }

    public boolean isOlder() {
        getEntries();
        return page.next() != null;
    }

    public boolean isNewer() {
        return !cursors.isEmpty();
    }

    public String older() {
        if (isOlder()) {
            cursors.add(page.next());
            page = null;
        }
        return null;
    }

    public String newest() {
        cursors.clear();
        page = null;
        return null;
    }

    public String show() {
        try {
            shown = day == null || day.isBlank() ? null : LocalDate.parse(day);
        } catch (DateTimeParseException e) {
            FacesContext.getCurrentInstance()
                    .addMessage(
                            "pick:day",
                            new FacesMessage(FacesMessage.SEVERITY_ERROR, "A date such as 2026-06-01", null));
            return null;
        }
        cursors.clear();
        page = null;
        return null;
    }
}
