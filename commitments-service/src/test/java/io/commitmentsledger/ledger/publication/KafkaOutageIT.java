package io.commitmentsledger.ledger.publication;

import static io.commitmentsledger.ledger.support.LedgerClient.progressBody;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.ledger.support.KafkaBrokerProcess;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.TopicRecorder;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * The broker goes away and comes back on the same address. Meanwhile the ledger keeps accepting commands, reports
 * the outage in its health and its publication lag, and publishes the backlog in order once the broker is back. The
 * batches that failed were already appended to the verifiable log: their retries carry the same log headers.
 *
 * <p>Runs in a JVM of its own (see the {@code broker-outage} failsafe execution in the pom): a second Axon
 * application in the JVM of the shared test context leaves that context without command handlers.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.embedded-postgres.enabled=true",
            "ledger.embedded-postgres.data-directory=target/it-postgres-outage",
            "ledger.embedded-postgres.clean-start=true",
            // fail fast while the broker is down, so the test sees retries within seconds
            "spring.kafka.producer.properties.max.block.ms=1000",
            "spring.kafka.producer.properties.request.timeout.ms=1000",
            "spring.kafka.producer.properties.delivery.timeout.ms=2000",
            "ledger.publication.send-timeout=3s",
            "axon.eventhandling.processors.kafka-publisher.token-claim-interval=500"
        })
class KafkaOutageIT {

    private static final KafkaBrokerProcess BROKER = KafkaBrokerProcess.format(
                    Path.of("target/it-kafka-outage-" + ProcessHandle.current().pid()))
            .start();

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @DynamicPropertySource
    static void kafka(DynamicPropertyRegistry registry) {
        registry.add("spring.kafka.bootstrap-servers", BROKER::bootstrapServers);
    }

    @AfterAll
    static void stopBroker() {
        BROKER.stop();
    }

    @Test
    void keepsAcceptingCommandsDuringAnOutageAndPublishesTheBacklogInOrderAfterwards() throws Exception {
        LedgerClient client = new LedgerClient(port);
        String id = client.agreeNew("outage");
        try (TopicRecorder before = new TopicRecorder(BROKER.bootstrapServers(), EventTypes.DEFAULT_TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> before.forKey(id).size() == 1);
        }

        BROKER.stop();

        for (int n = 1; n <= 20; n++) {
            var response =
                    client.post("/api/v1/commitments/" + id + "/progress-reports", progressBody("during outage " + n));
            assertThat(response.status()).as(response.body()).isEqualTo(200);
        }
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonNode health = client.get("/actuator/health").json();
            assertThat(health.at("/components/kafka/status").asString()).isEqualTo("DOWN");
            assertThat(health.at("/components/publication/details/publicationLag")
                            .asLong())
                    .isGreaterThanOrEqualTo(20);
        });
        assertThat(client.get("/actuator/health/readiness").status()).isEqualTo(200);
        assertThat(client.get("/actuator/metrics/ledger.publication.lag")
                        .json()
                        .at("/measurements/0/value")
                        .asDouble())
                .isGreaterThanOrEqualTo(20);

        // The publisher appended the backlog to the log before its sends failed.
        assertThat(logHeaders(id)).hasSizeGreaterThan(1);

        BROKER.start();

        try (TopicRecorder after = new TopicRecorder(BROKER.bootstrapServers(), EventTypes.DEFAULT_TOPIC)) {
            // the broker kept its data: the topic holds the agreement, then the backlog, in sequence order
            await().atMost(Duration.ofSeconds(60))
                    .untilAsserted(
                            () -> assertThat(after.firstSeenSequences(id)).hasSize(21));
            assertThat(after.firstSeenSequences(id))
                    .containsExactlyElementsOf(
                            LongStream.rangeClosed(0, 20).boxed().toList());
            // Every record sent, first attempt or retry, carries its event's one log entry.
            Map<String, List<String>> logged = logHeaders(id);
            assertThat(logged).hasSize(21);
            for (TopicRecorder.Received record : after.forKey(id)) {
                assertThat(List.of(
                                record.header(CloudEventHeaders.LOG_INDEX),
                                record.header(CloudEventHeaders.LEAF_HASH),
                                record.header(CloudEventHeaders.PREVIOUS_LEAF_HASH),
                                record.header(CloudEventHeaders.LEDGER_SIGNATURE)))
                        .as("log headers of %s #%s", id, record.sequence())
                        .isEqualTo(logged.get(record.eventId()));
            }
        }
        await().atMost(Duration.ofSeconds(30))
                .untilAsserted(() -> assertThat(client.get("/actuator/health")
                                .json()
                                .at("/components/kafka/status")
                                .asString())
                        .isEqualTo("UP"));
        assertThat(client.get("/actuator/health")
                        .json()
                        .at("/components/publication/details/publicationLag")
                        .asLong())
                .isZero();
    }

    /** The log headers each logged event of the commitment must carry, by event id, from the log's table. */
    private Map<String, List<String>> logHeaders(String id) {
        Base64.Encoder base64 = Base64.getEncoder();
        return jdbc
                .sql("SELECT event_identifier, log_index, leaf_hash, previous_leaf_hash, leaf_signature FROM log_entry"
                        + " WHERE commitment_id = ?")
                .param(id)
                .query((row, n) -> Map.entry(
                        row.getString(1),
                        List.of(
                                Long.toString(row.getLong(2)),
                                base64.encodeToString(row.getBytes(3)),
                                base64.encodeToString(row.getBytes(4)),
                                row.getString(5))))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }
}
