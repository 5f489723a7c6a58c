package io.commitmentsledger.broker;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;

/**
 * A real single-node Kafka broker (KRaft: broker and controller in one process) for a laptop, with its data in
 * {@code <directory>} between runs. The first start formats the storage; later starts reuse it.
 *
 * <p>Run on its own ({@link #main}), Ctrl-C stops it cleanly through Kafka's own shutdown hook. Arguments, all
 * optional: the data directory (default {@code .ledger-data/kafka}), the client port (default 9092) and the controller
 * port (default 9093). Environment variables {@code LEDGER_KAFKA_DIRECTORY}, {@code LEDGER_KAFKA_PORT} and {@code
 * LEDGER_KAFKA_CONTROLLER_PORT} do the same. Tests that stop and restart a broker run this class in a child JVM.
 *
 * <p>In a JVM of its own making (the local stack), {@link #configure} prepares one and {@link #start()} runs it.
 */
public final class KafkaBroker {

    private final KafkaRaftServer server;

    private KafkaBroker(KafkaRaftServer server) {
        this.server = server;
    }

    public static void main(String[] args) throws Exception {
        Path directory = Path.of(argument(args, 0, "LEDGER_KAFKA_DIRECTORY", ".ledger-data/kafka"));
        int port = Integer.parseInt(argument(args, 1, "LEDGER_KAFKA_PORT", "9092"));
        int controllerPort = Integer.parseInt(argument(args, 2, "LEDGER_KAFKA_CONTROLLER_PORT", "9093"));

        Path config = prepare(directory, port, controllerPort);
        System.out.println("Kafka broker starting on localhost:" + port + ", data in " + directory.toAbsolutePath());
        kafka.Kafka.main(new String[] {config.toString()});
    }

    /**
     * A broker in this JVM with its data in {@code directory}, formatted on first use but not started yet, so the
     * caller can register how it stops before it runs.
     */
    public static KafkaBroker configure(Path directory, int port, int controllerPort) throws IOException {
        Properties config = new Properties();
        try (InputStream in = Files.newInputStream(prepare(directory, port, controllerPort))) {
            config.load(in);
        }
        return new KafkaBroker(new KafkaRaftServer(KafkaConfig.fromProps(config, false), Time.SYSTEM));
    }

    /** Starts the broker; it accepts connections shortly after this returns. */
    public void start() {
        server.startup();
    }

    /** Stops the broker and waits until it has stopped. */
    public void stop() {
        server.shutdown();
        server.awaitShutdown();
    }

    /** Blocks until the broker has stopped, as after {@link #stop()} from another thread. */
    public void awaitStop() {
        server.awaitShutdown();
    }

    /**
     * Writes the broker's configuration and, on first use, formats its storage. Returns the configuration file.
     */
    static Path prepare(Path directory, int port, int controllerPort) throws IOException {
        Files.createDirectories(directory);
        Path config = directory.resolve("server.properties");
        Files.writeString(config, """
                # Written by io.commitmentsledger.broker.KafkaBroker at every start.
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
                        port, controllerPort, directory.resolve("logs").toAbsolutePath()));
        if (!Files.exists(directory.resolve("logs").resolve("meta.properties"))) {
            int status = kafka.tools.StorageTool.execute(
                    new String[] {"format", "--cluster-id", Uuid.randomUuid().toString(), "--config", config.toString()
                    },
                    System.out);
            if (status != 0) {
                throw new IllegalStateException("formatting Kafka's storage in " + directory + " failed");
            }
        }
        return config;
    }

    private static String argument(String[] args, int index, String environment, String fallback) {
        if (args.length > index) {
            return args[index];
        }
        String value = System.getenv(environment);
        return value == null || value.isBlank() ? fallback : value;
    }
}
