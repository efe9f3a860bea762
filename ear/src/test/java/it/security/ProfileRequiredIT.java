package it.security;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import it.support.Switchboard;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Production fails closed: a server started without a profile stops on its own instead of running
 * the local profile's users and test settings, and the aws profile with a secret missing does not
 * start the application, naming what to set. Each case runs a copy of the built server (its own
 * name, ports and logs) next to the one the other tests use.
 */
class ProfileRequiredIT {
    private static final Path WLP = Path.of(System.getProperty("wlp.home", "target/liberty/wlp"));
    private static final String HTTP_PORT = "9181";

    @Test
    void aServerWithoutAProfileStopsInsteadOfStarting() throws Exception {
        Path dir = copyOfTheServer("noprofile", false);
        try {
            Process server = server("run", "noprofile", Map.of(), dir.resolve("console.log"));
            assertTrue(server.waitFor(3, TimeUnit.MINUTES), "the server stopped by itself");
            String log = Files.readString(dir.resolve("console.log"));
            assertTrue(
                    log.contains("profiles/${switchboard.profile}.xml"),
                    "the log names the missing profile:\n" + tail(log));
            assertTrue(log.contains("CWWKG0010I"), "and says it shut down because of it:\n" + tail(log));
            assertFalse(log.contains("CWWKF0011I"), "it never reported itself ready (CWWKF0011I)");
        } finally {
            Switchboard.deleteRecursively(dir);
        }
    }

    @Test
    void theAwsProfileWithASecretMissingDoesNotStartTheApplicationAndSaysWhatToSet() throws Exception {
        Path dir = copyOfTheServer("awsmissing", true);
        Map<String, String> env = Map.ofEntries(
                Map.entry("SWITCHBOARD_PROFILE", "aws"),
                Map.entry("AWS_REGION", "eu-west-1"),
                Map.entry("SES_SMTP_HOST", "email-smtp.eu-west-1.amazonaws.com"),
                Map.entry("SES_SMTP_USERNAME", "AKIAEXAMPLE"),
                Map.entry("SES_FROM_ADDRESS", "switchboard@example.com"),
                Map.entry("SES_CONFIGURATION_SET", "switchboard"),
                Map.entry("SNS_SENDER_ID", ""),
                Map.entry("SNS_ORIGINATION_NUMBER", ""),
                Map.entry("SNS_ALLOWED_TOPIC_ARNS", "arn:aws:sns:eu-west-1:000000000000:ses"),
                Map.entry("WHATSAPP_PHONE_NUMBER_ID", "1"),
                Map.entry("WHATSAPP_ACCESS_TOKEN", "t"),
                Map.entry("WHATSAPP_APP_SECRET", "s"),
                Map.entry("WHATSAPP_VERIFY_TOKEN", "v"),
                Map.entry("CONSOLE_ORIGIN", "https://switchboard.example.com"),
                Map.entry("DESTINATION_COUNTRY_CODES", "44"),
                Map.entry("LDAP_HOST", "127.0.0.1"),
                Map.entry("LDAP_PORT", "6636"),
                Map.entry("LDAP_BASE_DN", "dc=example,dc=com"),
                Map.entry("LDAP_BIND_DN", "cn=switchboard"),
                Map.entry("LDAP_BIND_PASSWORD", "x"));
        try {
            Process start = server("start", "awsmissing", env, dir.resolve("console.log"));
            assertTrue(start.waitFor(3, TimeUnit.MINUTES), "server start returned");
            Path messages = dir.resolve("logs/messages.log");
            String log = awaitLog(messages, "the aws profile cannot start", Duration.ofMinutes(3));
            assertTrue(
                    log.contains("smtp.password is missing (set SES_SMTP_PASSWORD)"),
                    "names what to set:\n" + tail(log));
            assertTrue(
                    awaitLog(messages, "CWWKZ0002E", Duration.ofMinutes(1)).contains("CWWKZ0002E"),
                    "the application did not start");
            assertFalse(Files.readString(messages).contains("CWWKZ0001I"), "it never reported the application started");
            HttpResponse<String> ready = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + HTTP_PORT + "/health/ready"))
                                    .timeout(Duration.ofSeconds(10))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
            assertNotEquals(200, ready.statusCode(), "and the server is not ready: " + ready.body());
        } finally {
            server("stop", "awsmissing", env, dir.resolve("stop.log")).waitFor(2, TimeUnit.MINUTES);
            Switchboard.deleteRecursively(dir);
        }
    }

    /** A new server {@code name} with the built server's configuration (and application, when asked). */
    private static Path copyOfTheServer(String name, boolean withApplication) throws IOException {
        Path from = WLP.resolve("usr/servers/switchboard");
        Path to = WLP.resolve("usr/servers/" + name);
        Switchboard.deleteRecursively(to);
        Files.createDirectories(to);
        for (String file : List.of("server.xml", "bootstrap.properties", "jvm.options", "server.env")) {
            Files.copy(from.resolve(file), to.resolve(file));
        }
        copyTree(from.resolve("configDropins"), to.resolve("configDropins"));
        if (withApplication) {
            copyTree(from.resolve("apps"), to.resolve("apps"));
        }
        return to;
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
    }

    /** The server script, with no profile unless {@code env} names one, on ports of its own. */
    private static Process server(String action, String name, Map<String, String> env, Path output) throws IOException {
        ProcessBuilder b = new ProcessBuilder(WLP.resolve("bin/server").toString(), action, name);
        b.environment().remove("SWITCHBOARD_PROFILE");
        b.environment().put("HTTP_PORT", HTTP_PORT);
        b.environment().put("HTTPS_PORT", "9544");
        b.environment().put("JMS_PORT", "7277");
        b.environment().put("JMS_SSL_PORT", "7287");
        b.environment().putAll(env);
        return b.redirectErrorStream(true).redirectOutput(output.toFile()).start();
    }

    private static String awaitLog(Path log, String text, Duration timeout) throws Exception {
        Instant deadline = Instant.now().plus(timeout);
        String content = "";
        while (Instant.now().isBefore(deadline)) {
            content = Files.exists(log) ? Files.readString(log) : "";
            if (content.contains(text)) {
                return content;
            }
            Thread.sleep(500);
        }
        return fail("no \"" + text + "\" in " + log + " within " + timeout + ":\n" + tail(content));
    }

    private static String tail(String log) {
        return log.length() > 4000 ? log.substring(log.length() - 4000) : log;
    }
}
