package io.commitmentsledger.ledger.support;

import static org.awaitility.Awaitility.await;

import io.commitmentsledger.broker.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * The real Kafka broker of kafka-broker ({@link KafkaBroker}) in a child JVM, with a fixed port and data that survive a
 * stop. Tests stop it to cut the ledger off from Kafka and start it again at the same address.
 */
public final class KafkaBrokerProcess implements AutoCloseable {

    private final Path directory;
    private final int port;
    private final int controllerPort;
    private Process process;

    private KafkaBrokerProcess(Path directory, int port, int controllerPort) {
        this.directory = directory;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    /** A broker with its data in {@code directory}, on free ports; {@link #start()} runs it. */
    public static KafkaBrokerProcess format(Path directory) {
        try {
            return new KafkaBrokerProcess(directory, freePort(), freePort());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts the broker and waits until it accepts connections. */
    public KafkaBrokerProcess start() {
        try {
            Files.createDirectories(directory);
            process = java(
                            KafkaBroker.class.getName(),
                            directory.toString(),
                            Integer.toString(port),
                            Integer.toString(controllerPort))
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
