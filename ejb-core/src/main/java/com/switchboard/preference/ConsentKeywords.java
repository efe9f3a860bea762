package com.switchboard.preference;

import com.switchboard.channel.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The replies that mean "stop messaging me" ({@code whatsapp.optout.keywords},
 * {@code sms.optout.keywords}) and "you may message me again" ({@code whatsapp.optin.keywords},
 * {@code sms.optin.keywords}): a customer's text that is exactly one of them, ignoring case and
 * surrounding blanks. A sentence that merely contains one ("when does the offer end?") is neither.
 */
@ApplicationScoped
public class ConsentKeywords {

    @Inject
    @ConfigProperty(
            name = "whatsapp.optout.keywords",
            defaultValue = "STOP,STOPALL,UNSUBSCRIBE,CANCEL,END,QUIT,BAJA,PARAR")
    List<String> whatsAppOut;

    @Inject
    @ConfigProperty(name = "whatsapp.optin.keywords", defaultValue = "START,UNSTOP")
    List<String> whatsAppIn;

    @Inject
    @ConfigProperty(name = "sms.optout.keywords", defaultValue = "STOP,STOPALL,UNSUBSCRIBE,CANCEL,END,QUIT")
    List<String> smsOut;

    @Inject
    @ConfigProperty(name = "sms.optin.keywords", defaultValue = "START,UNSTOP")
    List<String> smsIn;

    public boolean optsOut(Channel channel, String text) {
        return matches(channel == Channel.SMS ? smsOut : channel == Channel.WhatsApp ? whatsAppOut : List.of(), text);
    }

    public boolean optsIn(Channel channel, String text) {
        return matches(channel == Channel.SMS ? smsIn : channel == Channel.WhatsApp ? whatsAppIn : List.of(), text);
    }

    static boolean matches(List<String> keywords, String text) {
        if (text == null || keywords == null) {
            return false;
        }
        String reply = text.strip().toUpperCase(Locale.ROOT);
        return !reply.isEmpty()
                && keywords.stream()
                        .anyMatch(k -> k.strip().toUpperCase(Locale.ROOT).equals(reply));
    }
}
