package com.switchboard.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;

/** The four channels with their provider and whether each can take messages now. */
@ApplicationScoped
public class ChannelCatalog {

    @Inject
    ChannelProviders providers;

    @Inject
    ProviderHealth health;

    public List<ChannelStatus> channels() {
        return Arrays.stream(Channel.values()).map(this::status).toList();
    }

    private ChannelStatus status(Channel channel) {
        return providers.forChannel(channel).map(p -> {
            if (!p.configured()) {
                return new ChannelStatus(channel, p.name(), false, false, "NOT_CONFIGURED", "provider configuration is missing");
            }
            return new ChannelStatus(channel, p.name(), true, true, health.state(channel), health.detail(channel));
        }).orElseGet(() -> new ChannelStatus(channel, null, false, false, "NOT_AVAILABLE",
                "no provider is installed for this channel yet"));
    }
}
