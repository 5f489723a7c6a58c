package io.commitmentsledger.projection.fuzz;

import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.projection.ProjectionServiceApplication;
import io.commitmentsledger.projection.support.CommitmentsServiceProcess;
import io.commitmentsledger.projection.support.TestLedgerKey;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

/**
 * Both services as in production, on one Kafka broker in this JVM: commitments-service from its packaged jar in a
 * child JVM, projection-service in this JVM. Each has its own fresh embedded PostgreSQL.
 */
final class TwoServices implements AutoCloseable {

    static final String DEAD_LETTERS = EventTypes.DEFAULT_TOPIC + ".DLT";

    private final EmbeddedKafkaKraftBroker broker;
    private final CommitmentsServiceProcess ledger;
    private final ConfigurableApplicationContext projection;

    private TwoServices(
            EmbeddedKafkaKraftBroker broker,
            CommitmentsServiceProcess ledger,
            ConfigurableApplicationContext projection) {
        this.broker = broker;
        this.ledger = ledger;
        this.projection = projection;
    }

    static TwoServices start() {
        // No topics made here: commitments-service creates them keeping every record, as on a fresh broker in
        // production; made with the broker's defaults (7 days), its health would rightly be DOWN.
        EmbeddedKafkaKraftBroker broker = new EmbeddedKafkaKraftBroker(1, 3);
        // A broker publishes its address in a system property, spring.embedded.kafka.brokers unless told otherwise:
        // the other ITs' cached contexts read theirs from there, and must not find this one's once it is stopped.
        broker.brokerListProperty("fuzz.kafka.brokers");
        broker.afterPropertiesSet();
        CommitmentsServiceProcess ledger = CommitmentsServiceProcess.start(broker.getBrokersAsString(), "fuzz-ledger");
        ConfigurableApplicationContext projection = new SpringApplicationBuilder(ProjectionServiceApplication.class)
                // arguments, not default properties: application.yml would override those
                .run(
                        "--server.port=0",
                        "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                        "--ledger.embedded-postgres.enabled=true",
                        "--ledger.embedded-postgres.data-directory=target/fuzz-projection-postgres",
                        "--ledger.embedded-postgres.clean-start=true",
                        "--ledger.projection.lag-refresh=1s",
                        "--ledger.log.verifier-keys=" + TestLedgerKey.verifierKey());
        return new TwoServices(broker, ledger, projection);
    }

    int ledgerPort() {
        return ledger.port();
    }

    int projectionPort() {
        return projection.getEnvironment().getRequiredProperty("local.server.port", Integer.class);
    }

    /** How many records the dead-letter topic holds. */
    long deadLettered() {
        try (KafkaConsumer<byte[], byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class))) {
            List<TopicPartition> partitions = consumer.partitionsFor(DEAD_LETTERS).stream()
                    .map(info -> new TopicPartition(DEAD_LETTERS, info.partition()))
                    .toList();
            return consumer.endOffsets(partitions).values().stream()
                    .mapToLong(Long::longValue)
                    .sum();
        }
    }

    @Override
    public void close() {
        projection.close();
        ledger.close();
        broker.destroy();
    }
}
