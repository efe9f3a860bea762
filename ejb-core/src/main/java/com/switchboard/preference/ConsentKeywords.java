package com.switchboard.channel.whatsapp;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The replies that mean "stop messaging me" ({@code whatsapp.optout.keywords}): a customer's text
 * that is exactly one of them, ignoring case and surrounding blanks, opts their number out. A
 * sentence that merely contains one ("when does the offer end?") does not.
 */
@ApplicationScoped
public class OptOutKeywords {

    @Inject
    @ConfigProperty(name = "whatsapp.optout.keywords", defaultValue = "STOP,STOPALL,UNSUBSCRIBE,CANCEL,END,QUIT,BAJA,PARAR")
    List<String> keywords;

    public boolean matches(String text) {
        return matches(keywords, text);
    }

    static boolean matches(List<String> keywords, String text) {
        if (text == null || keywords == null) {
            return false;
        }
        String reply = text.strip().toUpperCase(Locale.ROOT);
        return !reply.isEmpty() && keywords.stream().anyMatch(k -> k.strip().toUpperCase(Locale.ROOT).equals(reply));
    }
}
