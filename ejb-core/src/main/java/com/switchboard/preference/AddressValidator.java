package com.switchboard.preference;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.switchboard.channel.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.util.Optional;

/**
 * Checks a destination for its channel: RFC 5322 syntax for email (one bare address, no display
 * name, no line breaks that could inject headers), a valid E.164 number for SMS and WhatsApp
 * (libphonenumber), a plain user id for in-app, a webhook name for internal chat alerts. Returns the problem, or empty when valid.
 */
@ApplicationScoped
public class AddressValidator {
    private final PhoneNumberUtil phones = PhoneNumberUtil.getInstance();

    public Optional<String> problem(Channel channel, String destination) {
        if (destination == null || destination.isBlank()) {
            return Optional.of("an address is required for " + channel);
        }
        return switch (channel) {
            case Email -> emailProblem(destination);
            case SMS, WhatsApp -> phoneProblem(destination);
            case InApp ->
                destination.matches("[A-Za-z0-9._@-]{1,128}") ? Optional.empty() : Optional.of("not a user id");
            // a name the configuration maps to the webhook URL: the URL is a secret and never an address
            case Internal ->
                destination.matches("[a-z0-9][a-z0-9-]{0,63}")
                        ? Optional.empty()
                        : Optional.of("not a webhook name (lower-case letters, digits and -)");
        };
    }

    private static Optional<String> emailProblem(String email) {
        if (email.length() > 254 || email.chars().anyMatch(c -> c < 0x20 || c == 0x7f)) {
            return Optional.of("not a valid email address");
        }
        try {
            InternetAddress parsed = new InternetAddress(email, true);
            if (parsed.getPersonal() != null
                    || !parsed.getAddress().equals(email.trim())
                    || !parsed.getAddress().matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
                return Optional.of("not a valid email address");
            }
            return Optional.empty();
        } catch (AddressException e) {
            return Optional.of("not a valid email address");
        }
    }

    private Optional<String> phoneProblem(String number) {
        if (!number.matches("\\+[1-9][0-9]{6,14}")) {
            return Optional.of("not an E.164 number (+ then country code and number, digits only)");
        }
        try {
            return phones.isValidNumber(phones.parse(number, null))
                    ? Optional.empty()
                    : Optional.of("not a valid phone number for its country");
        } catch (NumberParseException e) {
            return Optional.of("not a valid phone number: " + e.getMessage());
        }
    }
}
