package com.switchboard.scheduling;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who this server is when it claims a SCHEDULE item, and how long a claim holds. The id is the
 * configured {@code scheduler.server.id} or, by default, a fresh one per start: a restarted server
 * is a different claimant, so its old claims run out like any dead server's.
 */
@ApplicationScoped
public class ServerIdentity {
    private final String generated = "server-" + UUID.randomUUID();

    @Inject
    @ConfigProperty(name = "scheduler.server.id")
    Optional<String> configured;

    @Inject
    @ConfigProperty(name = "scheduler.lease.seconds", defaultValue = "30")
    long leaseSeconds;

    public String id() {
        return configured.filter(id -> !id.isBlank()).orElse(generated);
    }

    /** Longer than queueing one communication takes, so a live server never loses its claim midway. */
    public Duration lease() {
        return Duration.ofSeconds(leaseSeconds);
    }
}
