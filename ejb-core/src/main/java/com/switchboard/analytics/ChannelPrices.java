package com.switchboard.analytics;

import com.switchboard.channel.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The price table for estimated cost, in the account's currency: per message for Email, WhatsApp
 * and InApp, per segment for SMS ({@code analytics.price.<Channel>} in server.xml). Kept as
 * millionths so the counters stay integers.
 */
@ApplicationScoped
public class ChannelPrices {
    @Inject
    @ConfigProperty(name = "analytics.price.Email", defaultValue = "0")
    BigDecimal email;

    @Inject
    @ConfigProperty(name = "analytics.price.SMS", defaultValue = "0")
    BigDecimal sms;

    @Inject
    @ConfigProperty(name = "analytics.price.WhatsApp", defaultValue = "0")
    BigDecimal whatsApp;

    @Inject
    @ConfigProperty(name = "analytics.price.InApp", defaultValue = "0")
    BigDecimal inApp;

    /** The cost in millionths of sending one message of {@code segments} parts (segments count for SMS only). */
    public long micros(Channel channel, int segments) {
        BigDecimal unit;
        switch (channel) {
            case Email:
                unit = email;
                break;
            case SMS:
                unit = sms.multiply(BigDecimal.valueOf(Math.max(1, segments)));
                break;
            case WhatsApp:
                unit = whatsApp;
                break;
            case Internal:
                unit = BigDecimal.ZERO; // staff chat webhooks are not billed per message
                break;
            default:
                unit = inApp;
        }
        return unit.movePointRight(6).longValue();
    }
}
