package com.switchboard.health;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ProfileCheckTest {

    private static Map<String, String> complete() {
        Map<String, String> settings = new HashMap<>();
        ProfileCheck.AWS_REQUIRED.keySet().forEach(k -> settings.put(k, "value of " + k));
        settings.put("sns.sender.id", "");
        settings.put("sns.origination.number", "+15550100");
        return settings;
    }

    private static List<String> problems(Map<String, String> settings) {
        return ProfileCheck.problems(name -> Optional.ofNullable(settings.get(name)));
    }

    @Test
    void aCompleteProductionConfigurationStarts() {
        assertEquals(List.of(), problems(complete()));
    }

    @Test
    void eachMissingOrUnresolvedSecretIsNamedWithItsVariable() {
        Map<String, String> settings = complete();
        settings.remove("smtp.password");
        settings.put("whatsapp.app.secret", "${env.WHATSAPP_APP_SECRET}");
        settings.put("websocket.allowed.origins", " ");
        settings.put("sns.origination.number", "${env.SNS_ORIGINATION_NUMBER}");
        List<String> problems = problems(settings);
        assertEquals(4, problems.size(), String.valueOf(problems));
        assertTrue(problems.contains("smtp.password is missing (set SES_SMTP_PASSWORD)"), String.valueOf(problems));
        assertTrue(
                problems.contains("whatsapp.app.secret is missing (set WHATSAPP_APP_SECRET)"),
                String.valueOf(problems));
        assertTrue(
                problems.contains("websocket.allowed.origins is missing (set CONSOLE_ORIGIN)"),
                String.valueOf(problems));
        assertTrue(problems.get(3).startsWith("sns.origination.number is unresolved"), String.valueOf(problems));
    }

    @Test
    void theTestTrustRootIsRefusedInProduction() {
        Map<String, String> settings = complete();
        settings.put("sns.test.trust.store", "/opt/wlp/../sns-sandbox/signing-certificate.pem");
        assertEquals(
                List.of("sns.test.trust.store is a test-only setting and must not be set in production"),
                problems(settings));
    }
}
