package sandbox;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * s3rver, an open-source implementation of the S3 API on the file system, run with the machine's
 * Node.js from {@code ear/sandbox/node_modules}. It stands in for Amazon S3 (the documents' bytes)
 * on a laptop and in the tests; objects live under the given directory, so a restart keeps them.
 * Switchboard creates its bucket itself at start (the local profile's {@code documents.create.bucket}).
 */
public final class S3rver extends NodePeer {

    private S3rver(Path sandboxDir, Path dataDir, int port) throws IOException {
        super(
                "s3rver",
                sandboxDir.resolve("node_modules/s3rver/bin/s3rver.js"),
                List.of(
                        "--directory",
                        dataDir.toString(),
                        "--address",
                        "127.0.0.1",
                        "--port",
                        Integer.toString(port),
                        "--silent"),
                dataDir.resolveSibling("s3rver.log"),
                port);
    }

    public static S3rver start(Path sandboxDir, Path dataDir, int port) throws IOException {
        Files.createDirectories(dataDir);
        return new S3rver(sandboxDir, dataDir, port);
    }
}
