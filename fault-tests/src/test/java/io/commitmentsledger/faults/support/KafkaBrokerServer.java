package io.commitmentsledger.faults.support;

import static org.awaitility.Awaitility.await;

import io.commitmentsledger.broker.KafkaBroker;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;

/**
 * The real Kafka broker of kafka-broker ({@link KafkaBroker}) in a child JVM, with its log directory and ports fixed so
 * that it can be killed with SIGKILL and started again on the same data.
 */
public final class KafkaBrokerServer implements AutoCloseable {

    private final Path directory;
    private final int port = Processes.freePort();
    private final int controllerPort = Processes.freePort();
    private @Nullable Process process;

    private KafkaBrokerServer(Path directory) {
        this.directory = directory;
    }

    public static KafkaBrokerServer start(Path directory) {
        KafkaBrokerServer broker = new KafkaBrokerServer(directory);
        broker.start();
        return broker;
    }

    public String bootstrapServers() {
        return "localhost:" + port;
    }

    /** Starts the broker (again) on its directory and ports and waits until it accepts connections. */
    public void start() {
        try {
            Files.createDirectories(directory);
            List<String> command = Processes.java(
                    "-cp",
                    System.getProperty("java.class.path"),
                    KafkaBroker.class.getName(),
                    directory.toString(),
                    Integer.toString(port),
                    Integer.toString(controllerPort));
            Process started = new ProcessBuilder(command)
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(
                            directory.resolve("broker.log").toFile()))
                    .start();
            process = started;
            await("the Kafka broker to accept connections")
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> {
                        if (!started.isAlive()) {
                            throw new IllegalStateException(
                                    "the Kafka broker exited; see " + directory.resolve("broker.log"));
                        }
                        return Processes.accepts(port);
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** SIGKILL: no shutdown, no flush beyond what the operating system already has. */
    public void kill() {
        if (process != null) {
            Stream.concat(process.descendants(), Stream.of(process.toHandle())).forEach(Processes::kill);
            process = null;
        }
    }

    @Override
    public void close() {
        kill();
    }
}
