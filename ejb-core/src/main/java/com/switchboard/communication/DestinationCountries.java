package com.switchboard.communication;

import com.switchboard.channel.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The countries SMS and WhatsApp may reach: {@code destination.country.codes}, calling codes
 * without '+' ("44,34"), or "*" for any. Every message to another country is spend (and a way to
 * bomb strangers' phones with a leaked key) the business never asked for, so nothing is allowed
 * unless listed; the aws profile must list them.
 */
@ApplicationScoped
public class DestinationCountries {

    @Inject
    @ConfigProperty(name = "destination.country.codes")
    Optional<String> codes;

    private volatile List<String> prefixes;

    /** The calling codes SMS and WhatsApp may reach ({@code *}: any), as the Channels page shows them. */
    public List<String> allowed() {
        return prefixes();
    }

    /** Why {@code address} on {@code channel} must not be sent to, or empty when it may (any address of other channels). */
    public Optional<String> refusal(Channel channel, String address) {
        if ((channel != Channel.SMS && channel != Channel.WhatsApp) || address == null) {
            return Optional.empty();
        }
        List<String> allowed = prefixes();
        if (allowed.contains("*")
                || allowed.stream().anyMatch(p -> address.trim().startsWith("+" + p))) {
            return Optional.empty();
        }
        return Optional.of("destination country of " + address.trim() + " is not on this server's allow-list ("
                + (allowed.isEmpty() ? "none configured" : "+" + String.join(", +", allowed)) + ")");
    }

    private List<String> prefixes() {
        List<String> p = prefixes;
        if (p == null) {
            p = Arrays.stream(codes.orElse("").split(","))
                    .map(String::trim)
                    .map(c -> c.startsWith("+") ? c.substring(1) : c)
                    .filter(c -> c.equals("*") || c.matches("[0-9]{1,4}"))
                    .toList();
            prefixes = p;
        }
        return p;
    }
}
