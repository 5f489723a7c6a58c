package io.commitmentsledger.projection.fuzz;

import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.projection.ProjectionServiceApplication;
import io.commitmentsledger.projection.support.AuthorizationServerProcess;
import io.commitmentsledger.projection.support.CommitmentsServiceProcess;
import io.commitmentsledger.projection.support.TestLedgerKey;
import java.util.ArrayList;
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
 * child JVM, projection-service in this JVM. Each has its own fresh embedded PostgreSQL, and both trust the real
 * authorization server, in a child JVM too, whose client-credentials tokens every request carries ({@link #bearer}).
 */
final class TwoServices implements AutoCloseable {

    static final String DEAD_LETTERS = EventTypes.DEFAULT_TOPIC + ".DLT";

    private final EmbeddedKafkaKraftBroker broker;
    private final AuthorizationServerProcess authorization;
    private final CommitmentsServiceProcess ledger;
    private final ConfigurableApplicationContext projection;

    private TwoServices(
            EmbeddedKafkaKraftBroker broker,
            AuthorizationServerProcess authorization,
            CommitmentsServiceProcess ledger,
            ConfigurableApplicationContext projection) {
        this.broker = broker;
        this.authorization = authorization;
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
        AuthorizationServerProcess authorization = AuthorizationServerProcess.start("fuzz-authorization");
        CommitmentsServiceProcess ledger = CommitmentsServiceProcess.start(
                broker.getBrokersAsString(), "fuzz-ledger", authorization.serviceArguments());
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                "--spring.kafka.bootstrap-servers=" + broker.getBrokersAsString(),
                "--ledger.embedded-postgres.enabled=true",
                "--ledger.embedded-postgres.data-directory=target/fuzz-projection-postgres",
                "--ledger.embedded-postgres.clean-start=true",
                "--ledger.projection.lag-refresh=1s",
                "--ledger.log.verifier-keys=" + TestLedgerKey.verifierKey()));
        // the real issuer rather than the test JVM's, which a service trusts only when none is set
        arguments.addAll(authorization.serviceArguments());
        ConfigurableApplicationContext projection = new SpringApplicationBuilder(ProjectionServiceApplication.class)
                // arguments, not default properties: application.yml would override those
                .run(arguments.toArray(String[]::new));
        return new TwoServices(broker, authorization, ledger, projection);
    }

    /**
     * {@code Bearer <token>} from the authorization server for an agency ({@code JP/METI}), the {@code auditor} or the
     * {@code admin}; for an agency it has no client for (a fuzzed body's), JP/METI's.
     */
    String bearer(String agencyOrRole) {
        return authorization.bearer(authorization.knows(agencyOrRole) ? agencyOrRole : "JP/METI");
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
        authorization.close();
        broker.destroy();
    }
}
