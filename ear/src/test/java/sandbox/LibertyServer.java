package sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * The Liberty server the build prepared under {@code ear/target/liberty/wlp}, started and stopped
 * with its own {@code server} script, ready when its readiness check answers UP.
 */
public final class LibertyServer {
    public static final String NAME = "switchboard";
    private final Path wlpHome;
    private final String baseUrl;

    public LibertyServer(Path wlpHome, String baseUrl) {
        this.wlpHome = wlpHome;
        this.baseUrl = baseUrl;
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Path serverDir() {
        return wlpHome.resolve("usr/servers/" + NAME);
    }

    /**
     * Forgets every queued message: for runs that also start from empty DynamoDB data, where
     * messages left by an earlier run would name communications that no longer exist.
     */
    public void clearMessagingStore() throws IOException {
        it.support.Switchboard.deleteRecursively(serverDir().resolve("messaging"));
        Files.deleteIfExists(messagingOwner());
    }

    /**
     * Keeps the queued messages only if they belong to the DynamoDB data in {@code dataDir} (the run
     * command keeps both across restarts); tickets the tests or the benchmark left in this server's
     * store name communications that data never had, and would only end on the dead-letter queue.
     */
    public void keepMessagingStoreOnlyFor(Path dataDir, boolean dataIsNew) throws IOException {
        String owner = dataDir.toAbsolutePath().normalize().toString();
        Path marker = messagingOwner();
        if (dataIsNew || !Files.exists(marker) || !Files.readString(marker).equals(owner)) {
            clearMessagingStore();
            Files.createDirectories(serverDir());
            Files.writeString(marker, owner);
        }
    }

    private Path messagingOwner() {
        return serverDir().resolve("messaging.data-dir");
    }

    /** Starts the server in the background and waits for the application to be ready. */
    public void start(Duration timeout) throws IOException, InterruptedException {
        run("start", Duration.ofMinutes(3));
        awaitReady(timeout);
    }

    /** Runs the server in the foreground of this process's terminal until it stops. */
    public Process runInForeground() throws IOException {
        return local(new ProcessBuilder(script().toString(), "run", NAME))
                .inheritIO()
                .start();
    }

    /** The sandbox always runs the local profile, which the server has no default for. */
    private static ProcessBuilder local(ProcessBuilder b) {
        b.environment().put("SWITCHBOARD_PROFILE", "local");
        return b;
    }

    public void stop() throws IOException, InterruptedException {
        run("stop", Duration.ofMinutes(2));
    }

    private void run(String action, Duration timeout) throws IOException, InterruptedException {
        Process p = local(new ProcessBuilder(script().toString(), action, NAME))
                .inheritIO()
                .start();
        if (!p.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new IOException("server " + action + " did not finish within " + timeout);
        }
    }

    public void awaitReady(Duration timeout) throws IOException, InterruptedException {
        HttpClient http =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl + "/health/ready"))
                .timeout(Duration.ofSeconds(5))
                .build();
        Instant deadline = Instant.now().plus(timeout);
        String last = "no answer";
        while (Instant.now().isBefore(deadline)) {
            try {
                HttpResponse<String> r = http.send(ready, HttpResponse.BodyHandlers.ofString());
                if (r.statusCode() == 200) {
                    return;
                }
                last = r.statusCode() + " " + r.body();
            } catch (IOException notYet) {
                last = notYet.toString();
            }
            Thread.sleep(500);
        }
        throw new IOException("Switchboard not ready within " + timeout + ": " + last + "; see "
                + serverDir().resolve("logs/messages.log"));
    }

    private Path script() {
        return wlpHome.resolve("bin/server");
    }
}
