package com.switchboard.health;

import com.switchboard.channel.ChannelCatalog;
import com.switchboard.channel.ChannelStatus;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Each provider's circuit as data. An open circuit does not make the server unready: sends are
 * still accepted, queued and retried, so the check stays UP and only reports the circuits.
 */
@Readiness
@ApplicationScoped
public class ChannelsReadinessCheck implements HealthCheck {

    @Inject
    ChannelCatalog catalog;

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response =
                HealthCheckResponse.named("channels").up();
        for (ChannelStatus c : catalog.channels()) {
            response.withData(
                    c.channel().name(), c.circuit() == null ? c.state() : c.state() + " (circuit " + c.circuit() + ")");
        }
        return response.build();
    }
}
