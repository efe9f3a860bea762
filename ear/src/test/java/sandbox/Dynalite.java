package sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * dynalite, an open-source implementation of the DynamoDB API on LevelDB, run with the machine's
 * Node.js from {@code ear/sandbox/node_modules}. It stands in for DynamoDB on a laptop and in the
 * tests; data lives under the given directory, so a restart keeps it (or, for the benchmark only,
 * in memory: see {@link #startInMemory}).
 */
public final class Dynalite implements AutoCloseable {
    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Dynalite start(Path sandboxDir, Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        return start(sandboxDir, List.of("--path", dataDir.toString()), dataDir.resolveSibling("dynalite.log"), port);
    }

    /**
     * dynalite without LevelDB: everything in the Node process's memory, lost when it stops. For the
     * benchmark only, whose DynamoDB baseline then measures the same in-memory peer; the tests and
     * the developer's run keep their data on disk.
     */
    public static Dynalite startInMemory(Path sandboxDir, Path logDir, int port) throws IOException {
        Files.createDirectories(logDir);
        return start(sandboxDir, List.of(), logDir.resolve("dynalite.log"), port);
    }

    private static Dynalite start(Path sandboxDir, List<String> storage, Path log, int port) throws IOException {
        Path cli = sandboxDir.resolve("node_modules/dynalite/cli.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException(cli + " is missing: run the build (it runs npm ci in ear/sandbox)");
        }
        List<String> command = new ArrayList<>(List.of(
                "node",
                cli.toString(),
                "--host",
                "127.0.0.1",
                "--port",
                Integer.toString(port),
                "--createTableMs",
                "0"));
        command.addAll(storage);
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Dynalite d = new Dynalite(p, port);
        d.awaitListening(Duration.ofSeconds(20));
        return d;
    }

    public int port() {
        return port;
    }

    /** The node process's id (the benchmark reads its CPU time). */
    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    private void awaitListening(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("dynalite exited with " + process.exitValue() + "; port " + port + " in use?");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        close();
        throw new IOException("dynalite did not listen on " + port + " within " + timeout);
    }

    private static void pause() {
        try {
            Thread.sleep(100);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(5, java.util.concurrent.TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
