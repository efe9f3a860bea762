package it.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A server variable changed while the test server runs, through a file in
 * {@code configDropins/overrides} (Liberty applies it without a restart); closing removes the file
 * and the variable returns to its value in server.xml.
 */
public final class ServerVariableOverride implements AutoCloseable {
    private final Path file;

    private ServerVariableOverride(Path file) {
        this.file = file;
    }

    /** Sets {@code name} to {@code value} in {@code configDropins/overrides/<fileName>.xml}. */
    public static ServerVariableOverride set(String fileName, String name, String value) throws IOException {
        Path file = Switchboard.liberty().serverDir().resolve("configDropins/overrides/" + fileName + ".xml");
        Files.createDirectories(file.getParent());
        Files.writeString(file, """
                <server><variable name="%s" value="%s"/></server>
                """.formatted(name, value));
        return new ServerVariableOverride(file);
    }

    @Override
    public void close() {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
