package io.commitmentsledger.embedded;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One embedded PostgreSQL (zonky's binaries) on one data directory, run so that it can hold real data:
 *
 * <ul>
 *   <li>durable: fsync, full-page writes and synchronous commit on (zonky starts the server with {@code -F}, fsync
 *       off; a {@code -c fsync=on} after it wins);
 *   <li>stopped when the JVM that started it ends, even by SIGKILL: PostgreSQL runs daemonised (its parent is
 *       process 1), so a small watchdog process waits for this JVM to go and then asks it to stop;
 *   <li>a server that a killed predecessor left running on the same data directory is stopped before starting;
 *   <li>restarted on the same port (and data) if it dies while the service runs; if that fails, {@code onLost} runs.
 * </ul>
 *
 * <p>The server's own log goes to {@code <data directory>.log}; when the server does not start, the exception carries
 * the end of that log.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);

    /** How long a start may take, crash recovery included; zonky's default of 10 s is tight on a busy machine. */
    private static final Duration STARTUP_WAIT = Duration.ofSeconds(30);

    private static final Duration STALE_SERVER_STOP_WAIT = Duration.ofSeconds(30);
    private static final Duration SUPERVISION_INTERVAL = Duration.ofSeconds(1);
    private static final int LOG_TAIL_LINES = 30;

    /** zonky's lock file: held by the JVM that runs the server, released by the kernel when that JVM dies. */
    private static final String OWNER_LOCK_FILE = "epg-lock";

    private static final String POSTMASTER_PID_FILE = "postmaster.pid";

    /**
     * Waits until its standard input ends (the JVM holding the other end exited, however it died), then asks the
     * postmaster for a fast shutdown, as {@code pg_ctl stop -m fast} would, unless postmaster.pid names another
     * process by then. Terminal signals are ignored so that Ctrl-C cannot end it before the JVM.
     */
    private static final String WATCHDOG_SCRIPT = """
            trap '' INT HUP
            read -r _
            [ "$(head -n 1 "$1/postmaster.pid" 2>/dev/null)" = "$2" ] && kill -INT "$2"
            """;

    private final Path dataDirectory;
    private final Path logFile;
    private final Runnable onLost;
    private final ScheduledExecutorService supervisor;

    private int port;
    private @Nullable EmbeddedPostgres server;
    private @Nullable Process watchdog;
    private long postmasterPid;
    private volatile boolean closed;

    private EmbeddedDatabase(Path dataDirectory, int port, Runnable onLost) {
        this.dataDirectory = dataDirectory.toAbsolutePath().normalize();
        this.logFile = this.dataDirectory.resolveSibling(this.dataDirectory.getFileName() + ".log");
        this.port = port;
        this.onLost = onLost;
        this.supervisor = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "embedded-postgres-supervisor");
            thread.setDaemon(true);
            return thread;
        });
    }

    /**
     * Starts PostgreSQL on {@code dataDirectory} (creating the cluster if there is none) and supervises it.
     *
     * @param port the port on localhost, or 0 for a free one
     * @param cleanStart delete the data directory first
     * @param onLost runs when the server died and could not be restarted
     * @throws IllegalStateException if another live process owns the data directory, or the server does not start
     */
    public static EmbeddedDatabase start(Path dataDirectory, int port, boolean cleanStart, Runnable onLost) {
        EmbeddedDatabase database = new EmbeddedDatabase(dataDirectory, port, onLost);
        try {
            Files.createDirectories(database.dataDirectory);
            database.stopServerLeftByAKilledOwner();
            if (cleanStart) {
                deleteRecursively(database.dataDirectory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        database.launch();
        database.supervisor.scheduleWithFixedDelay(
                database::restartIfDied,
                SUPERVISION_INTERVAL.toMillis(),
                SUPERVISION_INTERVAL.toMillis(),
                TimeUnit.MILLISECONDS);
        return database;
    }

    public int port() {
        return port;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/postgres?user=postgres";
    }

    /** The running postmaster's process id (as in {@code postmaster.pid}). */
    public synchronized long postmasterPid() {
        return postmasterPid;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Stops the server, then the watchdog: a JVM halted in between still has its watchdog to stop the server. */
    @Override
    public synchronized void close() {
        closed = true;
        supervisor.shutdownNow();
        if (server != null) {
            closeQuietly(server);
            server = null;
        }
        stopWatchdog();
    }

    private synchronized void launch() {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                // zonky's "clean" would run initdb over a restarted cluster and delete it at close; without it zonky
                // still runs initdb when the directory holds no cluster yet (a first or clean start)
                .setCleanDataDirectory(false)
                // Spring closes this in order, after the DataSource; zonky's own hook would race with that
                .setRegisterShutdownHook(false)
                .setPGStartupWait(STARTUP_WAIT)
                .setOutputRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                .setErrorRedirector(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                // zonky turns these off for speed; a ledger must not lose or corrupt a commit it has acknowledged
                .setServerConfig("fsync", "on")
                .setServerConfig("full_page_writes", "on")
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        try {
            server = builder.start();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "The embedded PostgreSQL did not start on " + dataDirectory + " (" + e.getMessage()
                            + "). The end of its log, " + logFile + ":\n" + String.join("\n", logTail()),
                    e);
        }
        port = server.getPort();
        postmasterPid = readPostmasterPid()
                .orElseThrow(() -> new IllegalStateException(
                        "The embedded PostgreSQL started but wrote no " + dataDirectory.resolve(POSTMASTER_PID_FILE)));
        watchdog = startWatchdog();
        log.info(
                "Embedded PostgreSQL listening on localhost:{} (pid {}), data in {}, log in {}",
                port,
                postmasterPid,
                dataDirectory,
                logFile);
    }

    /**
     * A killed JVM cannot stop its server: the server keeps the data directory (postmaster.pid) and the next start
     * would fail. The owner lock tells a dead owner from a live one.
     */
    private void stopServerLeftByAKilledOwner() throws IOException {
        Optional<ProcessHandle> leftover = readPostmasterPid()
                .flatMap(ProcessHandle::of)
                .filter(ProcessHandle::isAlive)
                .filter(process -> process.info()
                        .command()
                        .map(command -> command.endsWith("postgres"))
                        .orElse(false));
        if (leftover.isEmpty()) {
            return;
        }
        ProcessHandle stale = leftover.get();
        try (FileChannel channel = FileChannel.open(
                        dataDirectory.resolve(OWNER_LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = tryLock(channel)) {
            if (lock == null) {
                throw new IllegalStateException("The embedded PostgreSQL data directory " + dataDirectory
                        + " is in use by another running process (its PostgreSQL has pid " + stale.pid()
                        + "). Stop that process first, or choose another ledger.embedded-postgres.data-directory.");
            }
            log.warn(
                    "Stopping the PostgreSQL (pid {}) that a killed process left running on {}, to take over its data",
                    stale.pid(),
                    dataDirectory);
            stale.destroy();
            try {
                stale.onExit().get(STALE_SERVER_STOP_WAIT.toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                log.warn("It did not stop within {}: killing it", STALE_SERVER_STOP_WAIT);
                stale.destroyForcibly();
                stale.onExit().join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("Interrupted while stopping a leftover PostgreSQL", e);
            } catch (ExecutionException e) {
                throw new IllegalStateException(e);
            }
        }
    }

    private static @Nullable FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldByThisJvm) {
            return null;
        }
    }

    private void restartIfDied() {
        try {
            synchronized (this) {
                if (closed
                        || ProcessHandle.of(postmasterPid)
                                .map(ProcessHandle::isAlive)
                                .orElse(false)) {
                    return;
                }
                log.error(
                        "The embedded PostgreSQL (pid {}) on {} has died; restarting it on port {}",
                        postmasterPid,
                        dataDirectory,
                        port);
                stopWatchdog();
                if (server != null) {
                    // releases zonky's owner lock; its attempt to stop the dead server fails and says so
                    closeQuietly(server);
                    server = null;
                }
                launch();
            }
        } catch (RuntimeException e) {
            log.error("Could not restart the embedded PostgreSQL on {}: giving up", dataDirectory, e);
            supervisor.shutdown();
            onLost.run();
        }
    }

    private @Nullable Process startWatchdog() {
        try {
            return new ProcessBuilder(
                            "sh",
                            "-c",
                            WATCHDOG_SCRIPT,
                            "embedded-postgres-watchdog",
                            dataDirectory.toString(),
                            Long.toString(postmasterPid))
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile.toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            log.warn(
                    "No watchdog for the embedded PostgreSQL ({}): if this JVM is killed, the server keeps running"
                            + " until the next start on {} stops it",
                    e.getMessage(),
                    dataDirectory);
            return null;
        }
    }

    /** Ends the watchdog without letting it act: it is killed, its standard input never reaches end-of-file. */
    private void stopWatchdog() {
        Process running = watchdog;
        watchdog = null;
        if (running != null) {
            running.destroy();
            try {
                running.waitFor(5, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private Optional<Long> readPostmasterPid() {
        try {
            List<String> lines = Files.readAllLines(dataDirectory.resolve(POSTMASTER_PID_FILE));
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.get(0).strip()));
        } catch (IOException | NumberFormatException noServer) {
            return Optional.empty();
        }
    }

    private List<String> logTail() {
        try (RandomAccessFile file = new RandomAccessFile(logFile.toFile(), "r")) {
            long start = Math.max(0, file.length() - 16_384);
            byte[] bytes = new byte[(int) (file.length() - start)];
            file.seek(start);
            file.readFully(bytes);
            List<String> lines =
                    new String(bytes, StandardCharsets.UTF_8).lines().toList();
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException e) {
            return List.of("(no log: " + e.getMessage() + ")");
        }
    }

    private static void closeQuietly(EmbeddedPostgres server) {
        try {
            server.close();
        } catch (IOException e) {
            log.warn("Could not stop the embedded PostgreSQL cleanly", e);
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
