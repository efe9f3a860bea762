package it.support;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import sandbox.LibertyServer;
import sandbox.Sandbox;

/**
 * Starts, once per test run, the sandbox peers on fresh data and the real Liberty server with
 * switchboard.ear, and stops them after the last test. Test classes use it with
 * {@code @ExtendWith(Switchboard.class)} and reach the peers through the static accessors.
 */
public final class Switchboard implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
    public static final String BASE_URL = "http://127.0.0.1:9080";
    private static Sandbox sandbox;
    private static LibertyServer liberty;

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        synchronized (Switchboard.class) {
            if (sandbox != null) {
                return;
            }
            Path dataDir = Path.of(System.getProperty("data.dir", "target/it-data"));
            deleteRecursively(dataDir);
            sandbox = Sandbox.start(Path.of(System.getProperty("sandbox.dir", "sandbox")), dataDir);
            liberty = new LibertyServer(Path.of(System.getProperty("wlp.home", "target/liberty/wlp")), BASE_URL);
            // registered before the start, so a server that never gets ready is still stopped
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).put(Switchboard.class.getName(), this);
            liberty.clearMessagingStore();
            liberty.start(Duration.ofMinutes(2));
        }
    }

    @Override
    public void close() throws Exception {
        try {
            liberty.stop();
        } finally {
            sandbox.close();
        }
    }

    public static Sandbox sandbox() {
        return sandbox;
    }

    public static LibertyServer liberty() {
        return liberty;
    }

    public static void deleteRecursively(Path dir) throws java.io.IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }
}
