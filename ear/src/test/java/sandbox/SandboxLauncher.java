package sandbox;

import jakarta.mail.Address;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The README's run command: starts the sandbox peers, then Switchboard on Liberty in the
 * foreground, until Ctrl-C stops all of it. Every mail the sandbox SMTP server receives is printed
 * and saved as an .eml file under the data directory, so a developer can open it.
 */
public final class SandboxLauncher {

    public static void main(String[] args) throws Exception {
        Path dataDir = Path.of(System.getProperty("data.dir", "ear/target/data"));
        Path sandboxDir = Path.of(System.getProperty("sandbox.dir", "ear/sandbox"));
        LibertyServer liberty = new LibertyServer(
                Path.of(System.getProperty("wlp.home", "ear/target/liberty/wlp")), "http://127.0.0.1:9080");
        boolean dataIsNew = !Files.exists(dataDir.resolve("dynamodb"));
        liberty.keepMessagingStoreOnlyFor(dataDir, dataIsNew);
        Sandbox sandbox = Sandbox.start(sandboxDir, dataDir);
        Path mailDir = Files.createDirectories(dataDir.resolve("mail"));
        ScheduledExecutorService mailWatch = Executors.newSingleThreadScheduledExecutor();
        int[] seen = {0};
        mailWatch.scheduleWithFixedDelay(() -> saveNewMail(sandbox, mailDir, seen), 1, 1, TimeUnit.SECONDS);
        System.out.printf(
                "%nSandbox up: DynamoDB API (dynalite) 127.0.0.1:%d, data in %s; S3 API (s3rver) 127.0.0.1:%d, documents in"
                        + " %s; SMTP 127.0.0.1:%d, mail saved to %s%n",
                Sandbox.DYNAMODB_PORT,
                dataDir.resolve("dynamodb"),
                Sandbox.S3_PORT,
                dataDir.resolve("s3"),
                Sandbox.SMTP_PORT,
                mailDir);
        System.out.println(
                "Starting Switchboard on http://127.0.0.1:9080 (admin UI /admin, API /communications). Ctrl-C stops everything.");

        Process server = liberty.runInForeground();
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            mailWatch.shutdownNow();
            try {
                liberty.stop();
            } catch (IOException | InterruptedException e) {
                server.destroyForcibly();
            }
            sandbox.close();
        }));
        System.exit(server.waitFor());
    }

    private static void saveNewMail(Sandbox sandbox, Path mailDir, int[] seen) {
        MimeMessage[] all = sandbox.mail().getReceivedMessages();
        for (; seen[0] < all.length; seen[0]++) {
            MimeMessage m = all[seen[0]];
            try {
                Path file = mailDir.resolve(String.format("%05d.eml", seen[0] + 1));
                try (OutputStream out = Files.newOutputStream(file)) {
                    m.writeTo(out);
                }
                Address[] to = m.getAllRecipients();
                System.out.printf(
                        "[sandbox mail] to %s: \"%s\" -> %s%n",
                        to == null ? "?" : Arrays.toString(to), m.getSubject(), file);
            } catch (IOException | MessagingException e) {
                System.out.println("[sandbox mail] could not save message " + (seen[0] + 1) + ": " + e.getMessage());
            }
        }
    }
}
