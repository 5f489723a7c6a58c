package io.commitmentsledger.local;

import io.commitmentsledger.broker.KafkaBroker;
import io.commitmentsledger.seeds.ClientCredentials;
import io.commitmentsledger.seeds.SeedLoader;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Stream;

/**
 * The whole ledger on a laptop with only a JDK: a Kafka broker in this JVM, then the authorization server,
 * commitments-service and projection-service from their packaged jars as child processes (each service with its
 * embedded PostgreSQL), then the Japan–UK seeds loaded through the public API with each agency's token. Everything
 * keeps its data under one directory between runs. Ctrl-C stops the services first, so they leave their consumer group
 * cleanly, then the authorization server, then the broker.
 *
 * <p>The authorization server issues the bearer tokens both services require: client credentials for each seed
 * agency, an auditor and an admin ({@link AuthorizationClients}), whose secrets are generated on the first start into
 * {@code <data>/authorization/clients.properties}; its signing key, created by the server on its first start, is
 * {@code <data>/authorization/signing-key.pem}, so tokens survive a restart.
 *
 * <p>Nothing outlives it: each child watches this launcher ({@code --ledger.parent-pid}) and stops (a service with its
 * embedded PostgreSQL) when the launcher ends, even by SIGKILL. The processes are listed in {@code <data>/ledger.pids}
 * ({@link LedgerProcesses}); a start that finds services a killed launcher left there stops them first. A service that
 * exits or never becomes ready stops the whole ledger with its log's last lines and a non-zero exit status.
 *
 * <p>The verifiable log's signing key is {@code <data>/log-signing.key}, created on the first start ({@link
 * LogSigningKey}); commitments-service signs with it and projection-service checks with its verifier key.
 *
 * <p>Settings (environment): {@code LEDGER_DATA_DIRECTORY} ({@code .ledger-data}), {@code LEDGER_COMMITMENTS_PORT}
 * (8080), {@code LEDGER_PROJECTION_PORT} (8081), {@code LEDGER_AUTHORIZATION_PORT} (9000; the tokens' issuer is
 * {@code http://localhost:<port>}), {@code LEDGER_KAFKA_PORT} (9092), {@code LEDGER_KAFKA_CONTROLLER_PORT} (9093),
 * {@code LEDGER_LOG_ORIGIN} (the name of a new signing key, {@code commitments-ledger.localhost/log}).
 */
public final class LocalStack {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(60);
    private static final int LOG_TAIL_LINES = 40;

    private final List<Service> services = new ArrayList<>();
    private final List<Service> authorizationServer = new ArrayList<>();
    private volatile boolean stopping;

    private LocalStack() {}

    /** One service process and its log. */
    private record Service(String name, Process process, Path log) {}

    /**
     * Exits through {@link System#exit} in every case: the broker's threads are not daemons, and Maven's exec plugin
     * would wait on them for ever after a failed start.
     */
    public static void main(String[] args) {
        try {
            new LocalStack().run();
        } catch (Exception e) {
            System.err.println("The ledger could not start: " + e.getMessage());
            System.exit(1);
        }
        System.exit(0);
    }

    private void run() throws Exception {
        Path data = Path.of(setting("LEDGER_DATA_DIRECTORY", ".ledger-data"));
        int kafkaPort = Integer.parseInt(setting("LEDGER_KAFKA_PORT", "9092"));
        int controllerPort = Integer.parseInt(setting("LEDGER_KAFKA_CONTROLLER_PORT", "9093"));
        int ledgerPort = Integer.parseInt(setting("LEDGER_COMMITMENTS_PORT", "8080"));
        int projectionPort = Integer.parseInt(setting("LEDGER_PROJECTION_PORT", "8081"));
        int authorizationPort = Integer.parseInt(setting("LEDGER_AUTHORIZATION_PORT", "9000"));
        String issuer = "http://localhost:" + authorizationPort;
        Path logs = Files.createDirectories(data.resolve("logs"));
        String bootstrap = "localhost:" + kafkaPort;
        LogSigningKey signingKey =
                LogSigningKey.ensure(data, setting("LEDGER_LOG_ORIGIN", LogSigningKey.DEFAULT_ORIGIN));
        System.out.println((signingKey.created() ? "Created the log signing key " : "Signing the log with ")
                + signingKey.file().toAbsolutePath() + " (keep it secret); its verifier key, also in "
                + signingKey.verifierFile().toAbsolutePath() + ", is " + signingKey.verifierKey());
        AuthorizationClients clients = AuthorizationClients.ensure(data);
        if (clients.created()) {
            System.out.println("Created a client secret for each agency, the auditor and the admin in "
                    + clients.file().toAbsolutePath() + " (keep it private)");
        }

        LedgerProcesses processes = new LedgerProcesses(data);
        stopWhatAKilledLauncherLeft(processes);
        // A second stack on the same data would corrupt it (two brokers on one log directory): refuse to start.
        for (int port : List.of(kafkaPort, controllerPort, ledgerPort, projectionPort, authorizationPort)) {
            if (accepts(port)) {
                System.err.println("Port " + port + " is in use, and no ledger started from " + data.toAbsolutePath()
                        + " is running: another program (or a ledger with another LEDGER_DATA_DIRECTORY) holds it."
                        + " Stop that program, or choose other ports (LEDGER_COMMITMENTS_PORT, LEDGER_PROJECTION_PORT,"
                        + " LEDGER_AUTHORIZATION_PORT, LEDGER_KAFKA_PORT, LEDGER_KAFKA_CONTROLLER_PORT).");
                System.exit(1);
            }
        }
        processes.startAfresh(LedgerProcesses.Entry.of("launcher", ProcessHandle.current()));
        System.out.println("Starting Kafka on " + bootstrap + " ...");
        KafkaBroker broker = KafkaBroker.configure(data.resolve("kafka"), kafkaPort, controllerPort);
        // One hook, in order: the services leave their consumer group and flush while the broker is still up.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopping = true;
                            stopServices();
                            stopAll(authorizationServer);
                            broker.stop();
                            processes.delete();
                        },
                        "stop-ledger"));
        broker.start();
        await("Kafka", () -> accepts(kafkaPort));

        System.out.println("Starting the authorization server, commitments-service and projection-service ...");
        Service authorization = start(
                authorizationServer,
                "authorization-server",
                logs,
                processes,
                "--server.port=" + authorizationPort,
                "--ledger.authorization.issuer=" + issuer,
                "--ledger.authorization.signing-key-file="
                        + data.resolve(AuthorizationClients.DIRECTORY)
                                .resolve("signing-key.pem")
                                .toAbsolutePath(),
                "--spring.config.import=file:" + clients.file().toAbsolutePath());
        Service ledger = start(
                services,
                "commitments-service",
                logs,
                processes,
                "--ledger.embedded-postgres.enabled=true",
                "--server.port=" + ledgerPort,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--ledger.embedded-postgres.data-directory=" + data.resolve("postgres"),
                "--ledger.log.signing-key-file=" + signingKey.file().toAbsolutePath());
        Service projection = start(
                services,
                "projection-service",
                logs,
                processes,
                "--ledger.embedded-postgres.enabled=true",
                "--server.port=" + projectionPort,
                "--spring.security.oauth2.resourceserver.jwt.issuer-uri=" + issuer,
                "--spring.security.oauth2.resourceserver.jwt.jwk-set-uri=" + issuer + "/oauth2/jwks",
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--ledger.embedded-postgres.data-directory=" + data.resolve("projection-postgres"),
                "--ledger.pages.ledger-url=http://localhost:" + ledgerPort,
                "--ledger.log.verifier-keys=" + signingKey.verifierKey());
        awaitReady(authorization, authorizationPort);
        awaitReady(ledger, ledgerPort);
        awaitReady(projection, projectionPort);
        authorizationServer.forEach(this::stopTheLedgerIfItExits);
        services.forEach(this::stopTheLedgerIfItExits);

        System.out.println("Loading the Japan–UK Digital Partnership seeds (a second start records nothing new) ...");
        SeedLoader.load(
                URI.create("http://localhost:" + ledgerPort),
                Path.of("seeds"),
                System.out,
                ClientCredentials.fromProperties(URI.create(issuer + "/oauth2/token"), clients.file()));

        System.out.printf(
                """

                The Commitments Ledger is running. Ctrl-C stops it; data stays in %s (delete it to start afresh).
                  Pages                  http://localhost:%2$d/partnerships/jp-uk-digital-partnership
                  Read API (projection)  http://localhost:%2$d/api/v1/commitments   Swagger UI http://localhost:%2$d/swagger-ui.html
                  Commands (ledger)      http://localhost:%3$d/api/v1/commitments   Swagger UI http://localhost:%3$d/swagger-ui.html
                  Kafka                  %4$s, topics commitment-events and commitment-checkpoints
                  Log verifier key       %6$s (in %7$s)
                  Tokens (OAuth 2.0)     %8$s/oauth2/token, client credentials; clients jp-meti, jp-mic, jp-digital, gb-dsit,
                                         auditor, admin; their secrets in %9$s
                  Logs                   %5$s

                Every API call needs a token. GB/DSIT's, then a read with it:
                  S=$(sed -n 's/^ledger.authorization.clients.gb-dsit.secret=//p' %9$s)
                  T=$(curl -s -u "gb-dsit:$S" -d grant_type=client_credentials %8$s/oauth2/token | sed -E 's/.*"access_token":"([^"]+)".*/\\1/')
                  curl -H "Authorization: Bearer $T" http://localhost:%2$d/api/v1/commitments
                """,
                data.toAbsolutePath(),
                projectionPort,
                ledgerPort,
                bootstrap,
                logs.toAbsolutePath(),
                signingKey.verifierKey(),
                signingKey.verifierFile().toAbsolutePath(),
                issuer,
                clients.file().toAbsolutePath());
        broker.awaitStop();
    }

    /**
     * A launcher killed with SIGKILL cannot stop what it started. Its services stop by themselves when they notice
     * (they watch the launcher); any still running are stopped here. A launcher that still runs is a ledger in use.
     */
    private static void stopWhatAKilledLauncherLeft(LedgerProcesses processes) {
        List<LedgerProcesses.Entry> entries = processes.read();
        for (LedgerProcesses.Entry entry : entries) {
            if (entry.role().equals("launcher") && entry.running().isPresent()) {
                System.err.println("The ledger is already running from this data directory (launcher pid "
                        + entry.pid() + ", see " + processes.file() + "). Stop it with Ctrl-C in its terminal or `kill "
                        + entry.pid() + "`, or give this one another LEDGER_DATA_DIRECTORY and other ports.");
                System.exit(1);
            }
        }
        for (LedgerProcesses.Entry entry : entries) {
            entry.running().ifPresent(leftover -> {
                System.out.println("Stopping " + entry.role() + " (pid " + entry.pid()
                        + "), left running by a launcher that was killed ...");
                stop(leftover);
            });
        }
        processes.delete();
    }

    /**
     * Starts a child from its packaged jar, logging to {@code <logs>/<name>.log}, and adds it to {@code group}. The
     * services are given {@code --ledger.embedded-postgres.enabled=true}: the local stack chooses the embedded
     * PostgreSQL, a deployment must name its database.
     */
    private Service start(List<Service> group, String name, Path logs, LedgerProcesses processes, String... arguments)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar(name).toString(),
                "--ledger.parent-pid=" + ProcessHandle.current().pid()));
        command.addAll(List.of(arguments));
        Path log = logs.resolve(name + ".log");
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        Service service = new Service(name, process, log);
        group.add(service);
        processes.add(LedgerProcesses.Entry.of(name, process.toHandle()));
        return service;
    }

    private void awaitReady(Service service, int port) throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!ready(port)) {
            if (!service.process().isAlive()) {
                fail(service, "exited with status " + service.process().exitValue() + " while starting");
            }
            if (Instant.now().isAfter(deadline)) {
                fail(service, "did not become ready within " + START_TIMEOUT);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    /** A service that dies while the ledger runs leaves it half-working: say so and stop the rest. */
    private void stopTheLedgerIfItExits(Service service) {
        service.process().onExit().thenRun(() -> {
            // 130: Ctrl-C reached the service too (same terminal); this launcher is stopping the same way
            if (!stopping && service.process().exitValue() != 130) {
                fail(
                        service,
                        "stopped unexpectedly with status " + service.process().exitValue());
            }
        });
    }

    /** Says which service failed and how, shows the end of its log, and exits; the shutdown hook stops the rest. */
    private void fail(Service service, String what) {
        System.err.println();
        System.err.println(service.name() + " " + what + ". The end of its log, "
                + service.log().toAbsolutePath() + ":");
        tail(service.log()).forEach(line -> System.err.println("  " + line));
        System.err.println("Stopping the ledger.");
        System.exit(1);
    }

    private static List<String> tail(Path log) {
        try {
            List<String> lines = Files.readAllLines(log);
            return lines.subList(Math.max(0, lines.size() - LOG_TAIL_LINES), lines.size());
        } catch (IOException e) {
            return List.of("(could not read it: " + e.getMessage() + ")");
        }
    }

    /** Services first, so they stop publishing and consuming while the broker is still there. */
    private void stopServices() {
        stopAll(services);
    }

    private static void stopAll(List<Service> group) {
        group.forEach(service -> service.process().destroy());
        group.forEach(service -> stop(service.process().toHandle()));
    }

    /** Asks the process to stop (SIGTERM, a clean shutdown), and kills it if it has not within a minute. */
    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(SERVICE_STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException e) {
            process.destroyForcibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }

    private static Path jar(String service) throws IOException {
        Path target = Path.of(service, "target");
        try (Stream<Path> files = Files.exists(target) ? Files.list(target) : Stream.empty()) {
            return files.filter(file -> file.getFileName().toString().matches(service + "-[^-]+.*\\.jar"))
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException(
                            service + " is not built: run ./run-ledger, or ./mvnw install -DskipTests first"));
        }
    }

    private interface Check {
        boolean passes() throws Exception;
    }

    private static void await(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        while (!check.passes()) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(what + " did not start within " + START_TIMEOUT);
            }
            TimeUnit.MILLISECONDS.sleep(250);
        }
    }

    private static boolean accepts(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private static boolean ready(int port) {
        try {
            HttpResponse<Void> response = HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(
                                            URI.create("http://localhost:" + port + "/actuator/health/readiness"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.discarding());
            return response.statusCode() == 200;
        } catch (IOException notYet) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String setting(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }
}
