package com.switchboard.health;

import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the application answers and has heap to work with; a restart would not cure anything else. */
@Liveness
@ApplicationScoped
public class ServerLivenessCheck implements HealthCheck {
    private static final double MAX_HEAP_USED = 0.95;

    @Override
    public HealthCheckResponse call() {
        Runtime rt = Runtime.getRuntime();
        double used = (double) (rt.totalMemory() - rt.freeMemory()) / rt.maxMemory();
        return HealthCheckResponse.named("heap")
                .status(used < MAX_HEAP_USED)
                .withData("usedPercent", Math.round(used * 100))
                .build();
    }
}
