package sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;

/**
 * dynalite, an open-source implementation of the DynamoDB API on LevelDB, run with the machine's
 * Node.js from {@code ear/sandbox/node_modules}. It stands in for DynamoDB on a laptop and in the
 * tests; data lives under the given directory, so a restart keeps it.
 */
public final class Dynalite implements AutoCloseable {
    private final Process process;
    private final int port;

    private Dynalite(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static Dynalite start(Path sandboxDir, Path dataDir, int port) throws IOException {
        Path cli = sandboxDir.resolve("node_modules/dynalite/cli.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException(cli + " is missing: run the build (it runs npm ci in ear/sandbox)");
        }
        Files.createDirectories(dataDir);
        Path log = dataDir.resolveSibling("dynalite.log");
        Process p = new ProcessBuilder("node", cli.toString(), "--host", "127.0.0.1", "--port", Integer.toString(port),
                "--path", dataDir.toString(), "--createTableMs", "0")
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
