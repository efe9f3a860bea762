package sandbox;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The Liberty server the build prepared under {@code ear/target/liberty/wlp}, started and stopped
 * with its own {@code server} script, ready when its readiness check answers UP.
 */
public final class LibertyServer {
    public static final String NAME = "switchboard";
    private final Path wlpHome;
    private final String name;
    private final String baseUrl;

    public LibertyServer(Path wlpHome, String baseUrl) {
        this(wlpHome, NAME, baseUrl);
    }

    public LibertyServer(Path wlpHome, String name, String baseUrl) {
        this.wlpHome = wlpHome;
        this.name = name;
        this.baseUrl = baseUrl;
    }

    /**
     * A second server of the same build: this server's directory (configuration, application, users)
     * copied under {@code name} without its logs, work area or messaging store, with {@code variables}
     * added to its bootstrap.properties (its own ports, for one).
     */
    public LibertyServer copyAs(String name, String baseUrl, Map<String, String> variables) throws IOException {
        Path from = serverDir();
        Path to = wlpHome.resolve("usr/servers/" + name);
        it.support.Switchboard.deleteRecursively(to);
        Set<String> skipped = Set.of("logs", "workarea", "messaging", "tranlog", "messaging.data-dir");
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path p : paths.filter(p -> from.equals(p)
                            || !skipped.contains(from.relativize(p).getName(0).toString()))
                    .toList()) {
                Path target = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(p, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
        StringBuilder bootstrap =
                new StringBuilder("\n# ").append(name).append(": a second server of the same build\n");
        variables.forEach((k, v) -> bootstrap.append(k).append('=').append(v).append('\n'));
        Files.writeString(
                to.resolve("bootstrap.properties"), bootstrap, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return new LibertyServer(wlpHome, name, baseUrl);
    }

    /** Ends the server's JVM at once (SIGKILL), as a crash would: no shutdown, no stop hooks. */
    public void kill() throws IOException {
        long pid = Long.parseLong(Files.readString(wlpHome.resolve("usr/servers/.pid/" + name + ".pid"))
                .trim());
        ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new IOException("no process " + pid));
        process.destroyForcibly();
        process.onExit().join();
    }

    public String baseUrl() {
        return baseUrl;
    }

    public Path serverDir() {
        return wlpHome.resolve("usr/servers/" + name);
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
        return local(new ProcessBuilder(script().toString(), "run", name))
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
        Process p = local(new ProcessBuilder(script().toString(), action, name))
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
