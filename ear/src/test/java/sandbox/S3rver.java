package sandbox;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * s3rver, an open-source implementation of the S3 API on the file system, run with the machine's
 * Node.js from {@code ear/sandbox/node_modules}. It stands in for Amazon S3 (the documents' bytes)
 * on a laptop and in the tests; objects live under the given directory, so a restart keeps them.
 * Switchboard creates its bucket itself at start (the local profile's {@code documents.create.bucket}).
 */
public final class S3rver implements AutoCloseable {
    private final Process process;
    private final int port;

    private S3rver(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    public static S3rver start(Path sandboxDir, Path dataDir, int port) throws IOException {
        Path cli = sandboxDir.resolve("node_modules/s3rver/bin/s3rver.js");
        if (!Files.exists(cli)) {
            throw new IllegalStateException(cli + " is missing: run the build (it runs npm ci in ear/sandbox)");
        }
        Files.createDirectories(dataDir);
        Process p = new ProcessBuilder(List.of(
                        "node",
                        cli.toString(),
                        "--directory",
                        dataDir.toString(),
                        "--address",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--silent"))
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        dataDir.resolveSibling("s3rver.log").toFile()))
                .start();
        S3rver s = new S3rver(p, port);
        s.awaitListening(Duration.ofSeconds(20));
        return s;
    }

    public int port() {
        return port;
    }

    private void awaitListening(Duration timeout) throws IOException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IOException("s3rver exited with " + process.exitValue() + "; port " + port + " in use?");
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        close();
        throw new IOException("s3rver did not listen on " + port + " within " + timeout);
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
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }
}
