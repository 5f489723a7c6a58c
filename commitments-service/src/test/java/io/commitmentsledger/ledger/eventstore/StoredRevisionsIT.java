package io.commitmentsledger.ledger.eventstore;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.events.CloudEventHeaders;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import io.commitmentsledger.contracts.upcasting.Upcaster;
import io.commitmentsledger.ledger.support.LedgerClient;
import io.commitmentsledger.ledger.support.TopicRecorder;
import io.commitmentsledger.web.openapi.Coverage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * An event stored at an earlier revision is read through api-contracts' upcasters: the aggregate loads it in the
 * current revision, while the recorded history and Kafka keep the stored bytes at their stored revision (the record's
 * leaf in the verifiable log covers exactly those; subscribers upcast, see docs/events.md). Here ProgressReported has
 * a second revision (the record as it is; revision 1 called the note {@code comment}). Its own context, database and
 * broker (under its own property), closed after the class: no other test sees the extra revision.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.embedded-postgres.enabled=true",
            "ledger.embedded-postgres.data-directory=target/it-revisions-postgres",
            "ledger.embedded-postgres.clean-start=true",
            "spring.kafka.bootstrap-servers=${revisions.kafka.brokers}"
        })
@EmbeddedKafka(partitions = 3, topics = EventTypes.DEFAULT_TOPIC, bootstrapServersProperty = "revisions.kafka.brokers")
@ExtendWith(Coverage.class)
@Import(StoredRevisionsIT.ProgressReportedRevision2.class)
@DirtiesContext
class StoredRevisionsIT {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TestConfiguration
    static class ProgressReportedRevision2 {
        @Bean
        @Primary
        EventUpcasters progressReportedAtRevision2() {
            return EventUpcasters.ledger().with(new Upcaster(ProgressReported.class, 1, json -> {
                json.put("note", json.remove("comment"));
                return json;
            }));
        }
    }

    @LocalServerPort
    int port;

    @Value("${revisions.kafka.brokers}")
    String brokers;

    @Autowired
    JdbcClient jdbc;

    @Test
    void readsAnEventStoredAtAnEarlierRevisionInTheCurrentOneForTheAggregateAndPublishesItAsStored() throws Exception {
        LedgerClient client = new LedgerClient(port);
        String id = client.agreeNew("stored-revision-1");
        storeRevision1ProgressReport(id, 1, "Workshop held in London");

        LedgerClient.Response confirmed =
                client.post("/api/v1/commitments/" + id + "/confirmations", LedgerClient.confirmBody("JP/METI"));
        assertThat(confirmed.status())
                .as("the aggregate loads the old event: %s", confirmed)
                .isBetween(200, 299);
        assertThat(confirmed.header("ETag")).isEqualTo("\"2\"");

        try (TopicRecorder topic = new TopicRecorder(brokers, EventTypes.DEFAULT_TOPIC)) {
            await().atMost(Duration.ofSeconds(30)).until(() -> topic.forKey(id).size() >= 3);
            TopicRecorder.Received progress = topic.forKey(id).get(1);
            assertThat(progress.header(CloudEventHeaders.TYPE)).isEqualTo("dev.commitments-ledger.ProgressReported.v1");
            assertThat(progress.header(CloudEventHeaders.DATA_SCHEMA)).endsWith("/ProgressReported/v1.json");
            JsonNode value = JSON.readTree(progress.value());
            assertThat(value.get("comment").asString()).isEqualTo("Workshop held in London");
            assertThat(value.has("note")).isFalse();
        }
        JsonNode stored = client.get("/api/v1/commitments/" + id + "/events")
                .json()
                .get("events")
                .get(1);
        assertThat(stored.get("revision").asString())
                .as("the history answers what was stored")
                .isEqualTo("1");
    }

    /** A ProgressReported as a ledger before revision 2 stored it. */
    private void storeRevision1ProgressReport(String id, long sequence, String note) {
        String payload = """
                {"commitmentId": "%s", "comment": "%s", "evidence": null,
                 "actor": "GB/DSIT", "occurredOn": "2024-02-01"}""".formatted(id, note);
        jdbc.sql("""
                        INSERT INTO domain_event_entry (event_identifier, aggregate_identifier, sequence_number, type,
                               time_stamp, payload_type, payload_revision, payload, meta_data)
                        VALUES (?, ?, ?, 'Commitment', ?, ?, '1', ?, ?)""")
                .params(
                        UUID.randomUUID().toString(),
                        id,
                        sequence,
                        Instant.now().toString(),
                        ProgressReported.class.getName(),
                        payload.getBytes(StandardCharsets.UTF_8),
                        "{}".getBytes(StandardCharsets.UTF_8))
                .update();
    }
}
