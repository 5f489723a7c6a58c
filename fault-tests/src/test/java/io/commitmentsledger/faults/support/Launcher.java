package io.commitmentsledger.faults.support;

import static org.awaitility.Awaitility.await;

import io.commitmentsledger.local.AuthorizationClients;
import io.commitmentsledger.seeds.ClientCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The real launcher ({@code io.commitmentsledger.local.LocalStack}, what {@code ./run-ledger} runs) in a child JVM,
 * with free ports and its data in a scenario directory, run from the repository root where it finds the services'
 * jars and the seeds. Callers get their tokens from its authorization server with the client secrets it generated.
 */
public final class Launcher implements AutoCloseable {

    private static final String RUNNING = "The Commitments Ledger is running";

    private final Path directory;
    private final Path data;
    private final int commitmentsPort = Processes.freePort();
    private final int projectionPort = Processes.freePort();
    private final int kafkaPort = Processes.freePort();
    private final int controllerPort = Processes.freePort();
    private final int authorizationPort = Processes.freePort();
    private int starts;
    private @Nullable Process process;

    public Launcher(Path directory) {
        this.directory = directory;
        this.data = directory.resolve("ledger-data");
    }

    /** Starts the launcher and waits until it says the ledger is running (the seeds loaded). */
    public void start() {
        Path log = directory.resolve("launcher-" + ++starts + ".log");
        ProcessBuilder builder = new ProcessBuilder(Processes.java(
                        "-cp", System.getProperty("java.class.path"), "io.commitmentsledger.local.LocalStack"))
                .directory(Processes.REPOSITORY.toFile())
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
        try {
            Process started = builder.start();
            process = started;
            await("the launcher to say the ledger is running")
                    .atMost(Duration.ofMinutes(3))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!started.isAlive()) {
                            throw new IllegalStateException(
                                    "the launcher exited with " + started.exitValue() + "; see " + log);
                        }
                        return Files.readString(log).contains(RUNNING);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public URI commitmentsService() {
        return URI.create("http://localhost:" + commitmentsPort);
    }

    public URI projectionService() {
        return URI.create("http://localhost:" + projectionPort);
    }

    /**
     * Tokens for each seed agency, {@code auditor} and {@code admin}, from the launcher's authorization server with the
     * secrets it wrote on its first start (so only once it has started).
     */
    public ClientCredentials credentials() {
        return ClientCredentials.fromProperties(
                URI.create("http://localhost:" + authorizationPort + "/oauth2/token"),
                data.resolve(AuthorizationClients.DIRECTORY).resolve(AuthorizationClients.FILE_NAME));
    }

    /** SIGKILL of the launcher alone: what its children do then is up to them. */
    public void kill() {
        if (process != null) {
            Processes.kill(process.toHandle());
            process = null;
        }
    }

    /**
     * Every live process of this ledger: the launcher, its descendants, and any process whose command line names its
     * data directory (the services, and their embedded PostgreSQL, which runs daemonised, outside the launcher's tree).
     */
    public List<ProcessHandle> processes() {
        Stream<ProcessHandle> tree =
                process == null ? Stream.empty() : Stream.concat(Stream.of(process.toHandle()), process.descendants());
        Stream<ProcessHandle> naming = ProcessHandle.allProcesses()
                .filter(other -> other.info()
                        .commandLine()
                        .map(line -> line.contains(data.toString()))
                        .orElse(false));
        return Stream.concat(tree, naming)
                .filter(ProcessHandle::isAlive)
                .distinct()
                .toList();
    }

    /** A process as a line for a failure message: its pid and command line. */
    public static String describe(ProcessHandle process) {
        return process.pid() + " " + process.info().commandLine().orElse("?");
    }

    /** Stops the launcher as Ctrl-C would, then kills anything of this ledger still alive. */
    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                Processes.kill(process.toHandle());
            }
            process = null;
        }
        processes().forEach(Processes::kill);
    }
}
