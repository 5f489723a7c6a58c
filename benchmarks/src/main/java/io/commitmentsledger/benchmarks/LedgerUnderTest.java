package io.commitmentsledger.benchmarks;

import io.commitmentsledger.local.AuthorizationClients;
import io.commitmentsledger.seeds.ClientCredentials;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The whole ledger as {@code ./run-ledger} runs it: the real launcher ({@code io.commitmentsledger.local.LocalStack})
 * in a child JVM, on free ports, with a fresh data directory, started from the repository root where it finds the
 * services' jars and the seeds. It starts the broker, the authorization server and both services, each service with
 * its embedded, durable PostgreSQL, and loads the seeds.
 *
 * <p>Nothing outlives it: {@link #close()} stops the launcher as Ctrl-C does (its services, their databases and the
 * authorization server stop with it), then kills whatever of this ledger is still alive: its process tree, and any
 * process whose command line names its data directory (the embedded PostgreSQL servers run outside the tree).
 */
final class LedgerUnderTest implements AutoCloseable {

    private static final String RUNNING = "The Commitments Ledger is running";
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    private final Path data;
    private final Path log;
    private final Path repository;
    private final int commitmentsPort = freePort();
    private final int projectionPort = freePort();
    private final int kafkaPort = freePort();
    private final int controllerPort = freePort();
    private final int authorizationPort = freePort();
    private @Nullable Process launcher;
    private @Nullable Process watchdog;
    private @Nullable ClientCredentials credentials;

    LedgerUnderTest(Path directory, Path repository) {
        this.repository = repository;
        this.data = directory.toAbsolutePath().resolve("ledger-data");
        this.log = directory.toAbsolutePath().resolve("launcher.log");
    }

    /** Starts from an empty data directory and waits until the launcher says the ledger runs (seeds loaded). */
    void start(Duration timeout) throws IOException, InterruptedException {
        deleteRecursively(data);
        Files.createDirectories(data);
        ProcessBuilder builder = new ProcessBuilder(
                        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                        "-cp",
                        classPath(),
                        "io.commitmentsledger.local.LocalStack")
                .directory(repository.toFile())
                .redirectErrorStream(true)
                .redirectOutput(log.toFile());
        builder.environment()
                .putAll(Map.of(
                        "LEDGER_DATA_DIRECTORY", data.toString(),
                        "LEDGER_COMMITMENTS_PORT", Integer.toString(commitmentsPort),
                        "LEDGER_PROJECTION_PORT", Integer.toString(projectionPort),
                        "LEDGER_KAFKA_PORT", Integer.toString(kafkaPort),
                        "LEDGER_KAFKA_CONTROLLER_PORT", Integer.toString(controllerPort),
                        "LEDGER_AUTHORIZATION_PORT", Integer.toString(authorizationPort)));
        Process started = builder.start();
        launcher = started;
        watchdog = watchdog(started.pid());
        Instant deadline = Instant.now().plus(timeout);
        while (!Files.readString(log).contains(RUNNING)) {
            if (!started.isAlive()) {
                throw new IllegalStateException("the launcher exited with status " + started.exitValue()
                        + " before the ledger ran; its output: " + log + " (services' logs in " + data.resolve("logs")
                        + ")");
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("the ledger did not start within " + timeout + "; see " + log);
            }
            TimeUnit.MILLISECONDS.sleep(500);
        }
        credentials = ClientCredentials.fromProperties(
                URI.create("http://localhost:" + authorizationPort + "/oauth2/token"),
                data.resolve(AuthorizationClients.DIRECTORY).resolve(AuthorizationClients.FILE_NAME));
    }

    URI commitmentsService() {
        return URI.create("http://localhost:" + commitmentsPort);
    }

    URI projectionService() {
        return URI.create("http://localhost:" + projectionPort);
    }

    String kafkaBootstrapServers() {
        return "localhost:" + kafkaPort;
    }

    /** Tokens for each seed agency, {@code auditor} and {@code admin}, renewed before they expire. */
    ClientCredentials credentials() {
        if (credentials == null) {
            throw new IllegalStateException("the ledger has not started");
        }
        return credentials;
    }

    /** commitments-service's own PostgreSQL, the event store. */
    String storeJdbcUrl() {
        return jdbcUrl(data.resolve("postgres"));
    }

    /** projection-service's own PostgreSQL, the read model. */
    String projectionJdbcUrl() {
        return jdbcUrl(data.resolve("projection-postgres"));
    }

    /** A service's pid from the launcher's {@code ledger.pids} ({@code role pid start-time} a line). */
    OptionalLong pid(String role) {
        try {
            for (String line : Files.readAllLines(data.resolve("ledger.pids"))) {
                String[] fields = line.split(" ", 3);
                if (fields.length >= 2 && fields[0].equals(role)) {
                    return OptionalLong.of(Long.parseLong(fields[1]));
                }
            }
            return OptionalLong.empty();
        } catch (IOException | NumberFormatException e) {
            return OptionalLong.empty();
        }
    }

    /** An embedded PostgreSQL's port is line 4 of the {@code postmaster.pid} in its data directory. */
    private static String jdbcUrl(Path postgresData) {
        try {
            List<String> lines = Files.readAllLines(postgresData.resolve("postmaster.pid"));
            return "jdbc:postgresql://localhost:" + lines.get(3).strip() + "/postgres?user=postgres";
        } catch (IOException | IndexOutOfBoundsException e) {
            throw new IllegalStateException("no running PostgreSQL in " + postgresData + ": " + e, e);
        }
    }

    /**
     * The launcher does not watch this JVM, so a small {@code sh} does: it reads a pipe from this JVM (with its builtin {@code read}: no child to outlive it), which the
     * operating system closes when this JVM ends in any way (SIGKILL included), and then stops the launcher as Ctrl-C
     * would; the launcher's services and their databases stop with it.
     */
    private static @Nullable Process watchdog(long launcherPid) {
        try {
            return new ProcessBuilder("sh", "-c", "read -r line; kill -TERM " + launcherPid + " 2>/dev/null")
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
        } catch (IOException noShell) {
            System.err.println("No sh to watch the launcher: if this JVM is killed, stop the ledger by hand ("
                    + noShell.getMessage() + ")");
            return null;
        }
    }

    /** Stops the launcher as Ctrl-C would, then kills anything of this ledger still alive. */
    @Override
    public synchronized void close() {
        Process process = launcher;
        launcher = null;
        List<ProcessHandle> tree = new ArrayList<>();
        if (process != null) {
            tree.add(process.toHandle());
            process.descendants().forEach(tree::add);
            process.destroy();
            try {
                if (!process.waitFor(STOP_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
                    System.err.println("The launcher did not stop within " + STOP_TIMEOUT + ": killing it");
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        Stream.concat(tree.stream(), namingTheDataDirectory())
                .filter(ProcessHandle::isAlive)
                .distinct()
                .forEach(ProcessHandle::destroyForcibly);
        if (watchdog != null) {
            watchdog.destroyForcibly();
            watchdog = null;
        }
    }

    /** The services and their embedded PostgreSQL servers (daemonised, outside the launcher's tree). */
    private Stream<ProcessHandle> namingTheDataDirectory() {
        return ProcessHandle.allProcesses()
                .filter(other -> other.pid() != ProcessHandle.current().pid())
                .filter(other -> other.info()
                        .commandLine()
                        .map(line -> line.contains(data.toString()))
                        .orElse(false));
    }

    /**
     * The benchmark's class path, which holds the launcher and its dependencies. Under {@code mvn exec:java} the
     * JVM's own class path is Maven's, and the project's is in the class loader's URLs.
     */
    private static String classPath() {
        for (ClassLoader loader = LedgerUnderTest.class.getClassLoader(); loader != null; loader = loader.getParent()) {
            if (loader instanceof URLClassLoader urls) {
                Set<String> entries = new LinkedHashSet<>();
                for (URL url : urls.getURLs()) {
                    try {
                        entries.add(Path.of(url.toURI()).toString());
                    } catch (URISyntaxException | IllegalArgumentException notAFile) {
                        // not a local file: not needed by the launcher
                    }
                }
                return String.join(File.pathSeparator, entries);
            }
        }
        return System.getProperty("java.class.path");
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            socket.setReuseAddress(true);
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
