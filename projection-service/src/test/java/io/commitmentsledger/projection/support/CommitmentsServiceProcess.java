package io.commitmentsledger.projection.support;

import static org.awaitility.Awaitility.await;

import io.commitmentsledger.security.testing.TestIssuer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The real commitments-service, run from its packaged jar in a child JVM against the test's Kafka broker and its own
 * embedded PostgreSQL, so end-to-end tests drive both services as users would. It signs with {@link TestLedgerKey},
 * whose verifier key every projection-service test context has, and trusts the tokens of the issuer it is given: this
 * JVM's {@link TestIssuer}, or the real authorization server ({@link AuthorizationServerProcess}).
 */
public final class CommitmentsServiceProcess implements AutoCloseable {

    private static final Path TARGET = Path.of("..", "commitments-service", "target");

    private final Process process;
    private final int port;

    private CommitmentsServiceProcess(Process process, int port) {
        this.process = process;
        this.port = port;
    }

    /** Starts it, trusting this JVM's {@link TestIssuer}, and waits until it is ready. */
    public static CommitmentsServiceProcess start(String kafkaBootstrapServers, String name) {
        return start(kafkaBootstrapServers, name, TestIssuer.serviceArguments());
    }

    /**
     * Starts it and waits until it is ready; {@code name} keeps its data and log apart from other runs, and {@code
     * issuerArguments} name the token issuer it trusts ({@link AuthorizationServerProcess#serviceArguments}).
     */
    public static CommitmentsServiceProcess start(
            String kafkaBootstrapServers, String name, List<String> issuerArguments) {
        try {
            int port = freePort();
            Path directory = Path.of("target", name);
            Files.createDirectories(directory);
            List<String> command = new ArrayList<>(List.of(
                    Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                    "-Xmx512m",
                    "-jar",
                    jar().toString(),
                    "--server.port=" + port,
                    "--spring.kafka.bootstrap-servers=" + kafkaBootstrapServers,
                    "--ledger.embedded-postgres.enabled=true",
                    "--ledger.parent-pid=" + ProcessHandle.current().pid(),
                    "--ledger.embedded-postgres.data-directory=" + directory.resolve("postgres"),
                    "--ledger.embedded-postgres.clean-start=true",
                    // signs as the records of LedgerTopic are signed: projection-service verifies both alike
                    "--ledger.log.signing-key=" + TestLedgerKey.privateKey()));
            command.addAll(issuerArguments);
            Process process = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(directory.resolve("commitments-service.log").toFile())
                    .start();
            CommitmentsServiceProcess service = new CommitmentsServiceProcess(process, port);
            // no token: a probe is open, and a token of an issuer the service does not trust would be refused
            Http http = new Http(port).anonymous();
            await().atMost(Duration.ofSeconds(120)).until(() -> {
                if (!process.isAlive()) {
                    throw new IllegalStateException(
                            "commitments-service exited; see " + directory.resolve("commitments-service.log"));
                }
                try {
                    return http.get("/actuator/health/readiness").status() == 200;
                } catch (RuntimeException notYet) {
                    return false;
                }
            });
            return service;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int port() {
        return port;
    }

    @Override
    public void close() {
        process.destroy();
        await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
    }

    private static Path jar() throws IOException {
        try (Stream<Path> files = Files.list(TARGET)) {
            List<Path> jars = files.filter(
                            file -> file.getFileName().toString().matches("commitments-service-.*\\.jar"))
                    .toList();
            if (jars.size() != 1) {
                throw new IllegalStateException("expected commitments-service's jar in " + TARGET.toAbsolutePath()
                        + "; build from the repository root (./mvnw verify) so it is packaged first");
            }
            return jars.get(0);
        } catch (java.nio.file.NoSuchFileException e) {
            throw new IllegalStateException("commitments-service is not built; run ./mvnw verify from the root", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
