package io.commitmentsledger.projection;

import static io.commitmentsledger.projection.support.LedgerTopic.FAR_AHEAD;
import static io.commitmentsledger.projection.support.LedgerTopic.agreed;
import static io.commitmentsledger.projection.support.LedgerTopic.newId;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.commitmentsledger.contracts.CommitmentId;
import io.commitmentsledger.contracts.events.EventTypes;
import io.commitmentsledger.contracts.events.ProgressReported;
import io.commitmentsledger.contracts.upcasting.EventUpcasters;
import io.commitmentsledger.contracts.upcasting.Upcaster;
import io.commitmentsledger.projection.support.Http;
import io.commitmentsledger.projection.support.LedgerTopic;
import io.commitmentsledger.web.openapi.Coverage;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.test.annotation.DirtiesContext;
import tools.jackson.databind.JsonNode;

/**
 * Records stay on the topic for ever at the revision they were recorded at. Here ProgressReported has a second
 * revision (the record as it is; revision 1 called the note {@code comment} and the evidence {@code link}), and the
 * topic holds records of both: live and in a rebuild, each ends up in the read model exactly as the current revision
 * gives it. A record of a revision newer than the service knows is dead-lettered, not mis-read.
 *
 * <p>Its own context, database and broker (under its own property, so the other tests' broker address stays), closed
 * after the class: no other test sees the extra revision.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "ledger.embedded-postgres.enabled=true",
            "ledger.embedded-postgres.data-directory=target/it-revisions-postgres",
            "ledger.embedded-postgres.clean-start=true",
            "spring.kafka.bootstrap-servers=${revisions.kafka.brokers}"
        })
@EmbeddedKafka(
        partitions = 3,
        topics = {EventTypes.DEFAULT_TOPIC, EventTypes.DEFAULT_TOPIC + ".DLT"},
        bootstrapServersProperty = "revisions.kafka.brokers")
@ExtendWith(Coverage.class)
@Import(RevisionUpcastingIT.ProgressReportedRevision2.class)
@DirtiesContext
class RevisionUpcastingIT {

    private static final Duration WITHIN = Duration.ofSeconds(60);
    private static final Instant RECORDED_AT = Instant.parse("2024-03-28T09:00:00Z");
    private static final String EVIDENCE = "https://www.gov.uk/government/news/japan-uk-semiconductor-workshop";

    /** The upcaster from this test's revision 1 of ProgressReported to revision 2, the record's shape. */
    static final Upcaster PROGRESS_REPORTED_FROM_1 = new Upcaster(ProgressReported.class, 1, json -> {
        json.put("note", json.remove("comment"));
        json.put("evidence", json.remove("link"));
        return json;
    });

    @TestConfiguration
    static class ProgressReportedRevision2 {
        @Bean
        @Primary
        EventUpcasters progressReportedAtRevision2() {
            return EventUpcasters.ledger().with(PROGRESS_REPORTED_FROM_1);
        }
    }

    @LocalServerPort
    int port;

    @Value("${revisions.kafka.brokers}")
    String brokers;

    private Http http;
    private LedgerTopic topic;

    @BeforeEach
    void connect() {
        http = new Http(port);
        topic = new LedgerTopic(brokers);
    }

    @AfterEach
    void disconnect() {
        topic.close();
    }

    @Test
    void appliesRecordsOfBothRevisionsAliveAndInARebuildAsTheCurrentRevisionGivesThem() {
        CommitmentId old = newId("revision-1");
        CommitmentId current = newId("revision-2");
        for (CommitmentId id : List.of(old, current)) {
            topic.publish(
                    agreed(id, "jp-uk-digital-partnership", "semiconductors", "Workshop", FAR_AHEAD),
                    0,
                    RECORDED_AT.minusSeconds(60));
        }
        publishProgress(old, 1, """
                {"commitmentId": "%s", "comment": "Workshop held in London", "link": "%s",
                 "actor": "GB/DSIT", "occurredOn": "2024-03-28"}""".formatted(old, EVIDENCE));
        publishProgress(current, 2, """
                {"commitmentId": "%s", "note": "Workshop held in London", "evidence": "%s",
                 "actor": "GB/DSIT", "occurredOn": "2024-03-28"}""".formatted(current, EVIDENCE));

        http.awaitVersion(old, 1);
        http.awaitVersion(current, 1);
        assertThat(answers(old)).isEqualTo(answers(current));
        JsonNode progress = http.get("/api/v1/commitments/" + old + "/timeline")
                .json()
                .get("entries")
                .get(1);
        assertThat(progress.get("summary").asString()).contains("Workshop held in London", EVIDENCE);
        Map<String, String> beforeRebuild = answers(old);

        assertThat(http.post("/api/v1/admin/rebuilds").status()).isEqualTo(202);
        await().atMost(WITHIN)
                .until(() -> "DONE"
                        .equals(http.get("/api/v1/admin/rebuilds/current")
                                .json()
                                .get("state")
                                .asString()));

        assertThat(answers(old)).isEqualTo(beforeRebuild).isEqualTo(answers(current));
    }

    @Test
    void deadLettersARecordOfARevisionNewerThanItKnowsInsteadOfMisreadingIt() {
        CommitmentId id = newId("revision-3");
        topic.publish(agreed(id, "jp-uk-digital-partnership", "semiconductors", "Workshop", FAR_AHEAD), 0);
        publishProgress(id, 3, """
                {"commitmentId": "%s", "note": "Workshop held", "evidence": null,
                 "actor": "GB/DSIT", "occurredOn": "2024-03-28", "attendees": 40}""".formatted(id));

        List<String> reasons = deadLetterReasons(id);

        assertThat(reasons)
                .singleElement()
                .asString()
                .contains("not yet understood", "ProgressReported revision 3", "newer");
        assertThat(http.get("/api/v1/commitments/" + id).json().get("version").asLong())
                .isZero();
    }

    /** ProgressReported by GB at sequence 1, recorded (and signed) by the ledger at revision {@code revision}. */
    private void publishProgress(CommitmentId id, int revision, String json) {
        topic.send(LedgerTopic.recorded(
                id.value(),
                1,
                EventTypes.name(ProgressReported.class),
                Integer.toString(revision),
                json.getBytes(StandardCharsets.UTF_8),
                RECORDED_AT,
                UUID.randomUUID().toString()));
    }

    /**
     * The commitment's summary, timeline lines and summary as of a minute after the progress report, with its id replaced, so that two commitments
     * told the same story answer the same. Event ids and positions differ by construction and are left out.
     */
    private Map<String, String> answers(CommitmentId id) {
        Map<String, String> answers = new HashMap<>();
        String path = "/api/v1/commitments/" + id;
        answers.put("summary", http.get(path).body().replace(id.value(), "ID"));
        answers.put(
                "summary as of after the progress",
                http.get(path + "?asOf=" + RECORDED_AT.plusSeconds(60)).body().replace(id.value(), "ID"));
        List<String> lines = new ArrayList<>();
        for (JsonNode entry : http.get(path + "/timeline").json().get("entries")) {
            lines.add(entry.get("sequence") + " " + entry.get("kind").asString() + " " + entry.get("occurredOn") + " "
                    + entry.get("actor").asString() + ": "
                    + entry.get("summary").asString());
        }
        answers.put("timeline", String.join("\n", lines).replace(id.value(), "ID"));
        return answers;
    }

    private List<String> deadLetterReasons(CommitmentId id) {
        List<String> reasons = new ArrayList<>();
        try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
                brokers,
                ConsumerConfig.GROUP_ID_CONFIG,
                "dlt-reader-" + UUID.randomUUID(),
                ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
                "earliest",
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG,
                StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG,
                ByteArrayDeserializer.class))) {
            consumer.subscribe(List.of(EventTypes.DEFAULT_TOPIC + ".DLT"));
            await().atMost(WITHIN).until(() -> {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (id.value().equals(record.key())) {
                        reasons.add(new String(
                                record.headers()
                                        .lastHeader("kafka_dlt-exception-message")
                                        .value(),
                                StandardCharsets.UTF_8));
                    }
                }
                return !reasons.isEmpty();
            });
        }
        return reasons;
    }
}
