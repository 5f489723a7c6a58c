package io.commitmentsledger.ledger.support;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.apache.kafka.common.Uuid;

/**
 * A real single-node Kafka broker (KRaft, combined broker and controller) in a child JVM, run from the Kafka jars
 * on the test classpath, with a fixed port and data that survive a stop. Tests stop it to cut the ledger off from
 * Kafka and start it again at the same address.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path directory;
    private final int port;
    private Process process;

    private KafkaBrokerProcess(Path directory, int port) {
        this.directory = directory;
        this.port = port;
    }

    /** Writes the broker's configuration and formats its storage in {@code directory}, on free ports. */
    public static KafkaBrokerProcess format(Path directory) {
        try {
            Files.createDirectories(directory);
            int port = freePort();
            int controllerPort = freePort();
            Files.writeString(directory.resolve("server.properties"), """
                    process.roles=broker,controller
                    node.id=1
                    controller.quorum.voters=1@localhost:%2$d
                    listeners=PLAINTEXT://localhost:%1$d,CONTROLLER://localhost:%2$d
                    advertised.listeners=PLAINTEXT://localhost:%1$d
                    controller.listener.names=CONTROLLER
                    inter.broker.listener.name=PLAINTEXT
                    listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
                    log.dirs=%3$s
                    num.partitions=3
                    offsets.topic.replication.factor=1
                    transaction.state.log.replication.factor=1
                    transaction.state.log.min.isr=1
                    group.initial.rebalance.delay.ms=0
                    """.formatted(
                            port, controllerPort, directory.resolve("logs")));
            KafkaBrokerProcess broker = new KafkaBrokerProcess(directory, port);
            Process format = broker.java(
                            "kafka.tools.StorageTool",
                            "format",
                            "--cluster-id",
                            Uuid.randomUuid().toString(),
                            "--config",
                            directory.resolve("server.properties").toString())
                    .redirectOutput(directory.resolve("format.log").toFile())
                    .redirectErrorStream(true)
                    .start();
            if (format.waitFor() != 0) {
                throw new IllegalStateException(
                        "formatting Kafka storage failed; see " + directory.resolve("format.log"));
            }
            return broker;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts the broker and waits until it accepts connections. */
    public KafkaBrokerProcess start() {
        try {
            process = java("kafka.Kafka", directory.resolve("server.properties").toString())
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("broker.log").toFile()))
                    .redirectErrorStream(true)
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofSeconds(60)).until(this::acceptsConnections);
        return this;
    }

    /** Stops the broker the way an orderly shutdown would, and waits until its port is closed. */
    public void stop() {
        if (process != null) {
            process.destroy();
            await().atMost(Duration.ofSeconds(60)).until(() -> !process.isAlive());
            process = null;
        }
    }

    @Override
    public void close() {
        stop();
    }

    private boolean acceptsConnections() {
        if (!process.isAlive()) {
            throw new IllegalStateException("Kafka broker exited; see " + directory.resolve("broker.log"));
        }
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("localhost", port), 500);
            return true;
        } catch (IOException notYet) {
            return false;
        }
    }

    private ProcessBuilder java(String mainClass, String... arguments) {
        String javaBin = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(
                List.of(javaBin, "-Xmx512m", "-cp", System.getProperty("java.class.path"), mainClass));
        command.addAll(List.of(arguments));
        return new ProcessBuilder(command);
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
