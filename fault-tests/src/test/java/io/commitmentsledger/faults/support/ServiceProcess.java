package io.commitmentsledger.faults.support;

import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.log.NoteSigner;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * commitments-service or projection-service from its packaged jar in a child JVM, against an external PostgreSQL, the
 * scenario's broker and its authorization server, on a fixed port, so that it can be killed with SIGKILL and restarted exactly as it was.
 * commitments-service signs its log with a key generated once per test JVM (in its environment, not its command
 * line); projection-service checks records with its verifier key.
 */
public final class ServiceProcess implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);
    private static final String LOG_SIGNING_KEY = NoteSigner.generate("commitments-ledger.fault-tests/log");

    private final String name;
    private final Path log;
    private final int port = Processes.freePort();
    private final List<String> arguments;
    private final Map<String, String> environment;
    private @Nullable Process process;

    private ServiceProcess(String name, Path log, List<String> arguments, Map<String, String> environment) {
        this.name = name;
        this.log = log;
        this.arguments = arguments;
        this.environment = environment;
    }

    /**
     * commitments-service on {@code database} of {@code postgres}, publishing to {@code broker}, accepting tokens of
     * {@code issuer}.
     */
    public static ServiceProcess commitmentsService(
            Path directory,
            PostgresServer postgres,
            String database,
            KafkaBrokerServer broker,
            AuthorizationServerProcess issuer) {
        return service(
                "commitments-service",
                directory,
                postgres,
                database,
                broker,
                issuer.resourceServerArguments(),
                Map.of("LEDGER_LOG_SIGNING_KEY", LOG_SIGNING_KEY));
    }

    /**
     * projection-service on {@code database} of {@code postgres}, consuming from {@code broker} in the consumer group
     * {@code group}, accepting tokens of {@code issuer}.
     */
    public static ServiceProcess projectionService(
            Path directory,
            PostgresServer postgres,
            String database,
            KafkaBrokerServer broker,
            String group,
            AuthorizationServerProcess issuer) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.kafka.consumer.group-id=" + group,
                "--ledger.log.verifier-keys="
                        + NoteSigner.parse(LOG_SIGNING_KEY).verifier().verifierKey()));
        arguments.addAll(issuer.resourceServerArguments());
        return service("projection-service", directory, postgres, database, broker, arguments, Map.of());
    }

    private static ServiceProcess service(
            String service,
            Path directory,
            PostgresServer postgres,
            String database,
            KafkaBrokerServer broker,
            List<String> more,
            Map<String, String> environment) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.datasource.url=" + postgres.jdbcUrl(database),
                "--spring.datasource.username=postgres",
                "--spring.kafka.bootstrap-servers=" + broker.bootstrapServers()));
        arguments.addAll(more);
        return new ServiceProcess(service, directory.resolve(service + ".log"), arguments, environment);
    }

    public URI uri() {
        return URI.create("http://localhost:" + port);
    }

    /** Starts the service (again, after {@link #kill()}) and waits until its readiness probe answers 200. */
    public ServiceProcess start() {
        List<String> command = new ArrayList<>(Processes.java("-jar", jar(name).toString(), "--server.port=" + port));
        command.addAll(arguments);
        try {
            ProcessBuilder builder = new ProcessBuilder(command);
            builder.environment().putAll(environment);
            Process started = builder.redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
            process = started;
            Http http = new Http(Duration.ofSeconds(2));
            await(name + " to be ready").atMost(START_TIMEOUT).until(() -> {
                if (!started.isAlive()) {
                    throw new IllegalStateException(name + " exited; see " + log);
                }
                return http.status(uri().resolve("/actuator/health/readiness")) == 200;
            });
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown hook runs, nothing is flushed or committed on the way out. */
    public void kill() {
        if (process != null) {
            Processes.kill(process.toHandle());
            process = null;
        }
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null) {
            process.destroy();
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                Processes.kill(process.toHandle());
            }
            process = null;
        }
    }

    /** {@code <repository>/<service>/target/<service>-<version>.jar}, packaged by the reactor before this module. */
    public static Path jar(String service) {
        Path target = Processes.REPOSITORY.resolve(service).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            return files.filter(file -> file.getFileName().toString().matches(service + "-[^-]+.*\\.jar"))
                    .findFirst()
                    .orElseThrow();
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    service + " is not packaged in " + target + "; run ./mvnw verify -Pfaults from the root", e);
        }
    }
}
