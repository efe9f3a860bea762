package com.switchboard.admin.analytics;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.analytics.AnalyticsQuery;
import com.switchboard.analytics.AnalyticsReport;
import com.switchboard.analytics.AnalyticsService;
import com.switchboard.error.InvalidRequestException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.Serializable;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Backing bean of the Analytics dashboard: a range and granularity, the report from
 * {@link AnalyticsService} as tables, and the same report as JSON for the page's charts.
 */
@Named("analyticsDashboard")
@ViewScoped
public class AnalyticsDashboard implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Jsonb JSONB = JsonbBuilder.create();
    private static final Map<String, String> FIELDS =
            Map.of("from", "range:from", "to", "range:to", "granularity", "range:granularity");

    @Inject
    AnalyticsService analytics;

    /** Transient: a dependent Clock is not passivation capable; only used within a request. */
    @Inject
    transient Clock clock;

    private String from;
    private String to;
    private String granularity = "day";
    private AnalyticsReport report;

    /** The last 7 days (UTC) until the person picks another range; set before the form shows them. */
    @jakarta.annotation.PostConstruct
    void lastSevenDays() {
        LocalDate today = LocalDate.now(clock.withZone(ZoneOffset.UTC));
        to = today.toString();
        from = today.minusDays(6).toString();
    }

    public AnalyticsReport getReport() {
        if (report == null) {
            show();
        }
        return report;
    }

    public String show() {
        try {
            report = analytics.report(AnalyticsQuery.of(from, to, null, granularity, clock));
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, FIELDS);
            report = new AnalyticsReport(from, to, granularity, List.of());
        }
        return null;
    }

    /** The report for the charts; "&lt;" escaped so the JSON cannot close the script element it sits in. */
    public String getReportJson() {
        return JSONB.toJson(getReport()).replace("<", "\\u003c");
    }

    public List<String> getGranularities() {
        return List.of("day", "hour");
    }

    public String getFrom() {
        return from;
    }

    public void setFrom(String from) {
        this.from = from;
    }

    public String getTo() {
        return to;
    }

    public void setTo(String to) {
        this.to = to;
    }

    public String getGranularity() {
        return granularity;
    }

    public void setGranularity(String granularity) {
        this.granularity = granularity;
    }
}
