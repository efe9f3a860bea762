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
import java.util.concurrent.TimeUnit;

/**
 * A sandbox peer that is an npm package run with the machine's Node.js from
 * {@code ear/sandbox/node_modules} (dynalite, s3rver): started on 127.0.0.1 at a port, its output
 * appended to a log, ready once the port accepts connections, stopped with the sandbox.
 */
public class NodePeer implements AutoCloseable {
    private final String name;
    private final Process process;
    private final int port;

    protected NodePeer(String name, Path cli, List<String> arguments, Path log, int port) throws IOException {
        if (!Files.exists(cli)) {
            throw new IllegalStateException(cli + " is missing: run the build (it runs npm ci in ear/sandbox)");
        }
        List<String> command = new ArrayList<>(List.of("node", cli.toString()));
        command.addAll(arguments);
        this.name = name;
        this.port = port;
        this.process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        awaitListening(Duration.ofSeconds(20));
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
                throw new IOException(name + " exited with " + process.exitValue() + "; port " + port + " in use?");
            }
            try (Socket s = new Socket()) {
                s.connect(new InetSocketAddress("127.0.0.1", port), 200);
                return;
            } catch (IOException notYet) {
                pause();
            }
        }
        close();
        throw new IOException(name + " did not listen on " + port + " within " + timeout);
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
