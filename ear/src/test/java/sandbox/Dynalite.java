package sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * dynalite, an open-source implementation of the DynamoDB API on LevelDB, run with the machine's
 * Node.js from {@code ear/sandbox/node_modules}. It stands in for DynamoDB on a laptop and in the
 * tests; data lives under the given directory, so a restart keeps it (or, for the benchmark only,
 * in memory: see {@link #startInMemory}).
 */
public final class Dynalite extends NodePeer {

    private Dynalite(List<String> arguments, Path log, int port, Path sandboxDir) throws IOException {
        super("dynalite", sandboxDir.resolve("node_modules/dynalite/cli.js"), arguments, log, port);
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
        List<String> arguments = new ArrayList<>(
                List.of("--host", "127.0.0.1", "--port", Integer.toString(port), "--createTableMs", "0"));
        arguments.addAll(storage);
        return new Dynalite(arguments, log, port, sandboxDir);
    }
}
