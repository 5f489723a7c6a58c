package io.commitmentsledger.local;

import io.commitmentsledger.broker.KafkaBroker;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * The whole ledger on a laptop with only a JDK: a Kafka broker in this JVM, then commitments-service and
 * projection-service from their packaged jars as child processes (each with its embedded PostgreSQL), then the
 * Japan–UK seeds loaded through the public API. Everything keeps its data under one directory between runs. Ctrl-C
 * stops the services first, so they leave their consumer group cleanly, then the broker.
 *
 * <p>Settings (environment): {@code LEDGER_DATA_DIRECTORY} ({@code .ledger-data}), {@code LEDGER_COMMITMENTS_PORT}
 * (8080), {@code LEDGER_PROJECTION_PORT} (8081), {@code LEDGER_KAFKA_PORT} (9092), {@code
 * LEDGER_KAFKA_CONTROLLER_PORT} (9093).
 */
public final class LocalStack {

    private static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final List<Process> services = new ArrayList<>();

    private LocalStack() {}

    public static void main(String[] args) throws Exception {
        new LocalStack().run();
    }

    private void run() throws Exception {
        Path data = Path.of(setting("LEDGER_DATA_DIRECTORY", ".ledger-data"));
        int kafkaPort = Integer.parseInt(setting("LEDGER_KAFKA_PORT", "9092"));
        int controllerPort = Integer.parseInt(setting("LEDGER_KAFKA_CONTROLLER_PORT", "9093"));
        int ledgerPort = Integer.parseInt(setting("LEDGER_COMMITMENTS_PORT", "8080"));
        int projectionPort = Integer.parseInt(setting("LEDGER_PROJECTION_PORT", "8081"));
        Path logs = Files.createDirectories(data.resolve("logs"));
        String bootstrap = "localhost:" + kafkaPort;

        // A second stack on the same data would corrupt it (two brokers on one log directory): refuse to start.
        for (int port : List.of(kafkaPort, controllerPort, ledgerPort, projectionPort)) {
            if (accepts(port)) {
                System.err.println("Port " + port + " is in use: is the ledger already running? Stop it with Ctrl-C,"
                        + " or choose other ports (see LocalStack's settings).");
                System.exit(1);
            }
        }
        System.out.println("Starting Kafka on " + bootstrap + " ...");
        KafkaBroker broker = KafkaBroker.configure(data.resolve("kafka"), kafkaPort, controllerPort);
        // One hook, in order: the services leave their consumer group and flush while the broker is still up.
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            stopServices();
                            broker.stop();
                        },
                        "stop-ledger"));
        broker.start();
        await("Kafka", () -> accepts(kafkaPort));

        System.out.println("Starting commitments-service and projection-service ...");
        services.add(start(
                "commitments-service",
                logs,
                "--server.port=" + ledgerPort,
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--ledger.embedded-postgres.data-directory=" + data.resolve("postgres")));
        services.add(start(
                "projection-service",
                logs,
                "--server.port=" + projectionPort,
                "--spring.kafka.bootstrap-servers=" + bootstrap,
                "--ledger.embedded-postgres.data-directory=" + data.resolve("projection-postgres"),
                "--ledger.pages.ledger-url=http://localhost:" + ledgerPort));
        await("commitments-service", () -> ready(ledgerPort));
        await("projection-service", () -> ready(projectionPort));

        System.out.println("Loading the Japan–UK Digital Partnership seeds (a second start records nothing new) ...");
        SeedLoader.load(URI.create("http://localhost:" + ledgerPort), Path.of("seeds"), System.out);

        System.out.printf("""

                The Commitments Ledger is running. Ctrl-C stops it; data stays in %s (delete it to start afresh).
                  Pages                  http://localhost:%2$d/partnerships/jp-uk-digital-partnership
                  Read API (projection)  http://localhost:%2$d/api/v1/commitments   Swagger UI http://localhost:%2$d/swagger-ui.html
                  Commands (ledger)      http://localhost:%3$d/api/v1/commitments   Swagger UI http://localhost:%3$d/swagger-ui.html
                  Kafka                  %4$s, topic commitment-events
                  Logs                   %5$s
                """, data.toAbsolutePath(), projectionPort, ledgerPort, bootstrap, logs.toAbsolutePath());
        broker.awaitStop();
    }

    private static Process start(String service, Path logs, String... arguments) throws IOException {
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar",
                jar(service).toString()));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(
                        logs.resolve(service + ".log").toFile()))
                .start();
    }

    /** Services first, so they stop publishing and consuming while the broker is still there. */
    private void stopServices() {
        services.forEach(Process::destroy);
        for (Process service : services) {
            try {
                if (!service.waitFor(60, TimeUnit.SECONDS)) {
                    service.destroyForcibly();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                service.destroyForcibly();
            }
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
