package com.switchboard.admin.channel;

import com.switchboard.channel.ChannelCatalog;
import com.switchboard.channel.ChannelStatus;
import com.switchboard.communication.DestinationCountries;
import com.switchboard.communication.send.SendService;
import com.switchboard.limits.CallerLimits;
import com.switchboard.limits.FailedLogins;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backing bean of the Channels page (channels.xhtml, admins only): the channels, their state and budgets, and the limits in force. */
@Named("channelsView")
@RequestScoped
public class ChannelsView {

    @Inject
    ChannelCatalog catalog;

    @Inject
    CallerLimits callerLimits;

    @Inject
    FailedLogins failedLogins;

    @Inject
    DestinationCountries destinations;

    /** One line of the limits card. */
    public record Limit(String name, String value) {}

    private List<ChannelStatus> channels;

    /** The channels, read once per request (the page evaluates the list more than once). */
    public List<ChannelStatus> getChannels() {
        if (channels == null) {
            List<ChannelStatus> found = catalog.overview();
            channels = found == null ? List.of() : List.copyOf(found);
        }
        return channels;
    }

    /** The spend and abuse limits in force on this server (a caller's own budgets may be set apart). */
    public List<Limit> getLimits() {
        return List.of(
                new Limit("Requests per caller", callerLimits.requestsPerMinute() + " per minute"),
                new Limit("Recipients per caller", callerLimits.recipientsPerMinute() + " per minute"),
                new Limit("Deliveries per send", SendService.MAX_RECIPIENTS + ", fallbacks and copies included"),
                new Limit("Failed sign-ins per address", failedLogins.perMinute() + " per minute"),
                new Limit(
                        "SMS and WhatsApp destinations",
                        destinations.allowed().isEmpty() ? "none" : "+" + String.join(", +", destinations.allowed())));
    }
}
