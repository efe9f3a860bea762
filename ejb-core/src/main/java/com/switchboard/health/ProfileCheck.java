package com.switchboard.health;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Refuses to start the application in the production profile ({@code aws}) while a secret or
 * address it needs is missing (an unset environment variable leaves its {@code ${env.X}}
 * reference unresolved) or while a test-only setting is on, naming each one, so a server is never
 * half-configured in production: its readiness stays DOWN and the log says what to set. (Without
 * any profile the server itself does not start: {@code onError=FAIL}.) Runs before anything
 * reaches DynamoDB or a provider.
 */
@Singleton
@Startup
public class ProfileCheck {
    private static final Logger LOG = Logger.getLogger(ProfileCheck.class.getName());

    /** Settings the aws profile must have, non-blank, with the environment variable that supplies each. */
    static final Map<String, String> AWS_REQUIRED = required();
    /** Settings it may leave blank, but not unresolved. */
    static final Map<String, String> AWS_OPTIONAL =
            Map.of("sns.sender.id", "SNS_SENDER_ID", "sns.origination.number", "SNS_ORIGINATION_NUMBER");
    /** Test-only settings that must not be set in production. */
    static final List<String> AWS_FORBIDDEN = List.of("sns.test.trust.store");

    private static Map<String, String> required() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("dynamodb.region", "AWS_REGION");
        m.put("smtp.host", "SES_SMTP_HOST");
        m.put("smtp.user", "SES_SMTP_USERNAME");
        m.put("smtp.password", "SES_SMTP_PASSWORD");
        m.put("smtp.from", "SES_FROM_ADDRESS");
        m.put("email.configuration.set", "SES_CONFIGURATION_SET");
        m.put("sns.allowed.topic.arns", "SNS_ALLOWED_TOPIC_ARNS");
        m.put("whatsapp.phone.number.id", "WHATSAPP_PHONE_NUMBER_ID");
        m.put("whatsapp.access.token", "WHATSAPP_ACCESS_TOKEN");
        m.put("whatsapp.app.secret", "WHATSAPP_APP_SECRET");
        m.put("whatsapp.verify.token", "WHATSAPP_VERIFY_TOKEN");
        m.put("websocket.allowed.origins", "CONSOLE_ORIGIN");
        m.put("destination.country.codes", "DESTINATION_COUNTRY_CODES");
        m.put("public.base.url", "PUBLIC_BASE_URL");
        m.put("unsubscribe.secret", "UNSUBSCRIBE_SECRET");
        m.put("documents.bucket", "DOCUMENTS_BUCKET");
        m.put("documents.link.secret", "DOCUMENTS_LINK_SECRET");
        return Map.copyOf(m);
    }

    @PostConstruct
    void check() {
        Config config = ConfigProvider.getConfig();
        String profile =
                config.getOptionalValue("switchboard.profile", String.class).orElse("");
        if (!"aws".equals(profile)) {
            return;
        }
        List<String> problems = problems(name -> config.getOptionalValue(name, String.class));
        if (!problems.isEmpty()) {
            String message = "the aws profile cannot start: " + String.join("; ", problems);
            LOG.severe(message);
            throw new IllegalStateException(message);
        }
    }

    /** What is wrong with the aws profile's settings as {@code lookup} sees them; empty when nothing. */
    static List<String> problems(java.util.function.Function<String, Optional<String>> lookup) {
        List<String> problems = new ArrayList<>();
        AWS_REQUIRED.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            Optional<String> value = lookup.apply(e.getKey());
            if (value.isEmpty() || value.get().isBlank() || unresolved(value.get())) {
                problems.add(e.getKey() + " is missing (set " + e.getValue() + ")");
            }
        });
        AWS_OPTIONAL.entrySet().stream().sorted(Map.Entry.comparingByKey()).forEach(e -> {
            if (lookup.apply(e.getKey()).filter(ProfileCheck::unresolved).isPresent()) {
                problems.add(e.getKey() + " is unresolved (set " + e.getValue() + ", empty if not used)");
            }
        });
        for (String name : AWS_FORBIDDEN) {
            if (lookup.apply(name).filter(v -> !v.isBlank()).isPresent()) {
                problems.add(name + " is a test-only setting and must not be set in production");
            }
        }
        return problems;
    }

    private static boolean unresolved(String value) {
        return value.contains("${");
    }
}
