package io.commitmentsledger.embedded;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link ServiceWithEmbeddedPostgres} in a child JVM, with its embedded PostgreSQL on {@code dataDirectory}. */
final class ChildService implements AutoCloseable {

    private final Process process;
    private final Path dataDirectory;
    private final Path log;

    private ChildService(Process process, Path dataDirectory, Path log) {
        this.process = process;
        this.dataDirectory = dataDirectory;
        this.log = log;
    }

    /** Starts it and waits until the application has started. */
    static ChildService start(Path dataDirectory, String... extraArguments) {
        try {
            Files.createDirectories(dataDirectory.getParent());
            Path log = dataDirectory.resolveSibling(
                    dataDirectory.getFileName() + "-service-" + System.nanoTime() + ".log");
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx128m",
                    "-cp",
                    System.getProperty("java.class.path"),
                    ServiceWithEmbeddedPostgres.class.getName(),
                    "--ledger.embedded-postgres.enabled=true",
                    "--ledger.embedded-postgres.data-directory=" + dataDirectory));
            command.addAll(List.of(extraArguments));
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            ChildService service = new ChildService(process, dataDirectory, log);
            await().atMost(Duration.ofSeconds(90)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException("the service exited: " + service.output());
                }
                return service.output().contains("Started ServiceWithEmbeddedPostgres");
            });
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    Process process() {
        return process;
    }

    String output() throws IOException {
        return Files.exists(log) ? Files.readString(log) : "";
    }

    /** The postmaster the data directory's postmaster.pid names, if that process is alive. */
    Optional<ProcessHandle> postmaster() {
        return postmasterPidFileLine(0)
                .flatMap(pid -> ProcessHandle.of(Long.parseLong(pid)))
                .filter(ProcessHandle::isAlive);
    }

    /** A connection to the PostgreSQL serving the data directory, at the port its postmaster.pid names. */
    Connection connect() throws SQLException {
        String port = postmasterPidFileLine(3).orElseThrow(() -> new SQLException("no postmaster.pid"));
        return DriverManager.getConnection("jdbc:postgresql://localhost:" + port + "/postgres?user=postgres");
    }

    private Optional<String> postmasterPidFileLine(int index) {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve("postmaster.pid"));
            return lines.size() > index ? Optional.of(lines.get(index).strip()) : Optional.empty();
        } catch (NoSuchFileException gone) {
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, as when the kernel or an operator kills the service. */
    void kill() {
        process.destroyForcibly();
        process.onExit().join();
    }

    @Override
    public void close() {
        process.destroy();
        await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
    }
}
