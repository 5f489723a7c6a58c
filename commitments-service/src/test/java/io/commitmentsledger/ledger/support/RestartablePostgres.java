package io.commitmentsledger.ledger.support;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * A real PostgreSQL (zonky's embedded binaries) that a test can kill and start again on the same data directory and
 * port, so the service under test keeps its {@code spring.datasource.url} across the outage. {@link #kill} is a crash,
 * not a shutdown: SIGKILL to the postmaster and every backend, as when the host's OOM killer or an operator strikes;
 * the next {@link #start} recovers from the write-ahead log.
 */
public final class RestartablePostgres {

    private final Path dataDirectory;
    private final int port;
    private EmbeddedPostgres postgres;

    /** Starts a fresh server in {@code dataDirectory} (wiped first) on a free port. */
    public RestartablePostgres(Path dataDirectory) {
        this.dataDirectory = dataDirectory;
        this.port = freePort();
        wipe(dataDirectory);
        this.postgres = startServer();
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres";
    }

    public String username() {
        return "postgres";
    }

    /** SIGKILL to the postmaster and its backends; returns once every one of them is gone. */
    public void kill() {
        ProcessHandle postmaster = ProcessHandle.of(postmasterPid())
                .orElseThrow(() -> new IllegalStateException("the postmaster is not running"));
        List<ProcessHandle> all =
                Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        all.forEach(ProcessHandle::destroyForcibly);
        all.forEach(process -> process.onExit().join());
        try {
            // releases the data directory's lock (stopping the dead server fails, which it logs)
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts the server again on the same data directory and port, after {@link #kill}. */
    public void start() {
        postgres = startServer();
    }

    public void stop() {
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private EmbeddedPostgres startServer() {
        try {
            return EmbeddedPostgres.builder()
                    .setDataDirectory(dataDirectory)
                    // the test wipes it once, before the first start; a restart keeps the data
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    // as the services' embedded PostgreSQL: zonky turns it off, and a crash then loses acknowledged
                    // commits still in the WAL buffers (this test caught exactly that before it was set)
                    .setServerConfig("synchronous_commit", "on")
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private long postmasterPid() {
        try {
            return Long.parseLong(Files.readAllLines(dataDirectory.resolve("postmaster.pid"))
                    .get(0)
                    .trim());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void wipe(Path directory) {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder())
                    .forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
