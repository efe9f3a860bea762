package com.switchboard.admin.tracking;

import com.switchboard.admin.support.FieldMessages;
import com.switchboard.admin.support.LocalTimes;
import com.switchboard.communication.ReadScope;
import com.switchboard.error.InvalidRequestException;
import com.switchboard.tracking.DeliveryTrackingService;
import com.switchboard.tracking.TrackingQuery;
import com.switchboard.tracking.TrackingViews.Page;
import com.switchboard.tracking.TrackingViews.Summary;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Backing bean of the Tracking page: find a communication by id (opens its page) or list them by
 * status, channel, customer and vehicle through {@link DeliveryTrackingService}.
 */
@Named("trackingView")
@ViewScoped
public class TrackingView implements Serializable {
    private static final long serialVersionUID = 1L;
    private static final Map<String, String> FIELDS =
            Map.of("status", "search:status", "channel", "search:channel", "from", "search:from", "to", "search:to");

    @Inject
    DeliveryTrackingService tracking;

    private String communicationId;
    private String status;
    private String channel;
    private String customerId;
    private String vehicleId;
    private String from;
    private String to;
    private List<Summary> results;
    private String next;

    public String open() {
        if (communicationId == null || communicationId.isBlank()) {
            return search();
        }
        return "/communication.xhtml?faces-redirect=true&id=" + communicationId.trim();
    }

    public String search() {
        return load(null);
    }

    public String more() {
        return load(next);
    }

    private String load(String cursor) {
        try {
            var page = page(cursor);
            results = cursor == null
                    ? page.items()
                    : java.util.stream.Stream.concat(results.stream(), page.items().stream())
                            .toList();
            next = page.next();
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, FIELDS);
        }
        return null;
    }

    /** The results shown, read again (as many as were shown, in pages): a recipient of one of them moved. */
    public void refresh() {
        if (results == null) {
            return;
        }
        int shown = results.size();
        List<Summary> again = new ArrayList<>();
        String cursor = null;
        try {
            do {
                var page = page(cursor);
                again.addAll(page.items());
                cursor = page.next();
            } while (cursor != null && again.size() < shown);
            results = again;
            next = cursor;
        } catch (InvalidRequestException e) {
            FieldMessages.show(e, FIELDS);
        }
    }

    /** The ids the page watches live, the newest first (the live socket takes at most 100). */
    public String getLiveIds() {
        return results == null
                ? ""
                : String.join(
                        ",",
                        results.stream()
                                .limit(100)
                                .map(Summary::communicationId)
                                .toList());
    }

    private Page page(String cursor) {
        return tracking.list(
                TrackingQuery.of(
                        blankToNull(status),
                        blankToNull(channel),
                        customerId,
                        vehicleId,
                        LocalTimes.instant(from),
                        LocalTimes.instant(to),
                        20,
                        cursor),
                ReadScope.ALL); // the console is staff-only
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }

    public List<String> getStatuses() {
        return List.of("Scheduled", "Sent", "Delivered", "PartiallyDelivered", "Failed");
    }

    public List<String> getChannels() {
        return List.of("Email", "SMS", "WhatsApp", "InApp");
    }

    public List<Summary> getResults() {
        return results;
    }

    public boolean isMore() {
        return next != null;
    }

    public String getCommunicationId() {
        return communicationId;
    }

    public void setCommunicationId(String communicationId) {
        this.communicationId = communicationId;
    }

    public String getStatus() {
        return status;
    }

    public void setStatus(String status) {
        this.status = status;
    }

    public String getChannel() {
        return channel;
    }

    public void setChannel(String channel) {
        this.channel = channel;
    }

    public String getCustomerId() {
        return customerId;
    }

    public void setCustomerId(String customerId) {
        this.customerId = customerId;
    }

    public String getVehicleId() {
        return vehicleId;
    }

    public void setVehicleId(String vehicleId) {
        this.vehicleId = vehicleId;
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
}
