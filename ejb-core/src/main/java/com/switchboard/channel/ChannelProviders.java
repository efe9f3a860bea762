package com.switchboard.channel;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * Finds the provider of each channel: the bean whose {@code name()} the configuration
 * {@code channel.<channel>.provider} names (for example {@code channel.email.provider=smtp}), or the
 * only one there is. Adding a provider is adding one bean; the pipeline does not change.
 */
@ApplicationScoped
public class ChannelProviders {

    @Inject
    @Any
    Instance<ChannelProvider> all;

    @Inject
    Config config;

    public Optional<ChannelProvider> forChannel(Channel channel) {
        Optional<String> wanted = config.getOptionalValue("channel." + channel.queue() + ".provider", String.class);
        return all.stream()
                .filter(p -> p.channel() == channel)
                .filter(p -> wanted.isEmpty() || wanted.get().equals(p.name()))
                .findFirst();
    }

    public boolean available(Channel channel) {
        return forChannel(channel).map(ChannelProvider::configured).orElse(false);
    }
}
