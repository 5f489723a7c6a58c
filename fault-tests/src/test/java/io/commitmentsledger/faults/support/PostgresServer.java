package io.commitmentsledger.faults.support;

import static org.awaitility.Awaitility.await;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A real PostgreSQL (zonky's binaries) with its data in a fixed directory on a fixed port, so it can be killed with
 * SIGKILL and started again where it was, as an operator's restart would.
 */
public final class PostgresServer implements AutoCloseable {

    private final Path directory;
    private final int port;
    private @Nullable EmbeddedPostgres postgres;

    private PostgresServer(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Initialises a cluster in {@code directory} on a free port and starts it. */
    public static PostgresServer start(Path directory) {
        PostgresServer server = new PostgresServer(directory, Processes.freePort());
        server.start();
        return server;
    }

    /** Starts the server on its directory and port (again, after {@link #kill()}: PostgreSQL then recovers). */
    public void start() {
        try {
            Files.createDirectories(directory);
            ProcessBuilder.Redirect log = ProcessBuilder.Redirect.appendTo(
                    directory.resolveSibling(directory.getFileName() + ".log").toFile());
            postgres = EmbeddedPostgres.builder()
                    .setDataDirectory(directory)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setServerConfig("synchronous_commit", "on")
                    .setOutputRedirector(log)
                    .setErrorRedirector(log)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * SIGKILL of the postmaster, named in {@code postmaster.pid}; waits until its backends, which notice their parent's
     * death, have gone too, so the next start finds the shared memory free.
     */
    public void kill() {
        try {
            long pid = Long.parseLong(Files.readAllLines(directory.resolve("postmaster.pid"))
                    .get(0)
                    .strip());
            ProcessHandle postmaster = ProcessHandle.of(pid).orElseThrow();
            List<ProcessHandle> backends = postmaster.children().toList();
            Processes.kill(postmaster);
            await("the killed postmaster's backends to exit")
                    .atMost(Duration.ofSeconds(60))
                    .until(() -> backends.stream().noneMatch(ProcessHandle::isAlive));
            // Releases zonky's lock on the directory; its own stop finds no server and says so in the log.
            closeQuietly();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    public Connection connect(String database) throws SQLException {
        return DriverManager.getConnection(jdbcUrl(database), "postgres", "");
    }

    public void createDatabase(String database) {
        try (Connection connection = connect("postgres");
                Statement statement = connection.createStatement()) {
            statement.execute("CREATE DATABASE " + database);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }

    private void closeQuietly() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } finally {
                postgres = null;
            }
        }
    }
}
