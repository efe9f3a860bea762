package com.switchboard.admin.channel;

import com.switchboard.channel.ChannelCatalog;
import com.switchboard.channel.ChannelStatus;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backing bean of the Channels page (channels.xhtml, admins only): the channels and their current state. */
@Named("channelsView")
@RequestScoped
public class ChannelsView {

    @Inject
    ChannelCatalog catalog;

    private List<ChannelStatus> channels;

    /** The channels, read once per request (the page evaluates the list more than once). */
    public List<ChannelStatus> getChannels() {
        if (channels == null) {
            List<ChannelStatus> found = catalog.channels();
            channels = found == null ? List.of() : List.copyOf(found);
        }
        return channels;
    }
}
